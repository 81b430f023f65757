// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditedEvent;
import org.kapclinic.security.UserId;

/** A therapist's matching profile was saved, by the therapist or an admin. */
public record TherapistProfileSaved(UserId therapist) implements AuditedEvent {
    @Override
    public AuditRecord auditRecord() {
        return AuditRecord.success("THERAPIST_PROFILE_SAVED").about("StaffProfile", therapist.value().toString());
    }
}
