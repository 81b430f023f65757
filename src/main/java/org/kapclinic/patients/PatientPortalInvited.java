// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.Instant;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditedEvent;

/** A patient was invited to the portal; their new account is linked to the record. */
public record PatientPortalInvited(PatientId patientId, Instant occurredAt) implements AuditedEvent {
    @Override
    public AuditRecord auditRecord() {
        return AuditRecord.patient("PATIENT_PORTAL_INVITED", patientId.value());
    }
}
