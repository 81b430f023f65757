// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.Instant;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditedEvent;

/** The therapist or prescriber on a patient's care team changed. */
public record PatientCareTeamAssigned(PatientId patientId, Instant occurredAt) implements AuditedEvent {
    @Override
    public AuditRecord auditRecord() {
        return AuditRecord.patient("PATIENT_CARE_TEAM_CHANGED", patientId.value());
    }
}
