// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.Instant;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditedEvent;

/** A new patient record was created. */
public record PatientRegistered(PatientId patientId, Instant occurredAt) implements AuditedEvent {
    @Override
    public AuditRecord auditRecord() {
        return AuditRecord.patient("PATIENT_CREATED", patientId.value());
    }
}
