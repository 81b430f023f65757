// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes the audit entry for every {@link AuditedEvent}, synchronously, in the publisher's transaction. */
@Component
class AuditEventListener {

    private final AuditTrail trail;

    AuditEventListener(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AuditedEvent event) {
        trail.record(event.auditRecord());
    }
}
