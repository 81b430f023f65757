// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

/**
 * A clinical event that must leave an audit entry. The audit module listens synchronously, inside the publisher's
 * transaction, so the change and its entry commit together or not at all (docs/adr/003-audit-is-synchronous.md).
 */
public interface AuditedEvent {
    AuditRecord auditRecord();
}
