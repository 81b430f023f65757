// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.Instant;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditedEvent;

/** Demographics on a record were corrected; the previous values are kept in its history. */
public record PatientDetailsCorrected(PatientId patientId, Instant occurredAt) implements AuditedEvent {
    @Override
    public AuditRecord auditRecord() {
        return AuditRecord.patient("PATIENT_UPDATED", patientId.value());
    }
}
