// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.Instant;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditedEvent;

/** A record was voided (removed from use, with a reason); nothing was deleted. */
public record PatientVoided(PatientId patientId, Instant occurredAt) implements AuditedEvent {
    @Override
    public AuditRecord auditRecord() {
        return AuditRecord.patient("PATIENT_VOIDED", patientId.value());
    }
}
