// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditedEvent;

/** What happens to safety alerts, as named events. Each leaves an audit entry in the same transaction. */
public final class SafetyEvents {

    private SafetyEvents() {}

    private static AuditRecord about(String action, @Nullable UUID patient, AlertId id, String details) {
        return new AuditRecord(action, AuditRecord.Outcome.SUCCESS, patient, "SafetyAlert", id.toString(), details);
    }

    public record AlertRaised(AlertId id, @Nullable UUID patientId, AlertLevel level, String trigger)
            implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return about("SAFETY_ALERT_RAISED", patientId, id, level + " " + trigger);
        }
    }

    /** A repeat finding joined an alert (open, or acknowledged within its quiet window). */
    public record FindingAttached(AlertId id, @Nullable UUID patientId, String trigger, Finding.Outcome outcome)
            implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return about("SAFETY_FINDING_ATTACHED", patientId, id, trigger + " " + outcome);
        }
    }

    public record AlertEscalated(AlertId id, @Nullable UUID patientId, int step, int recipients) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return about("SAFETY_ALERT_ESCALATED", patientId, id, "step " + step + " to " + recipients + " recipients");
        }
    }

    public record AlertAcknowledged(AlertId id, @Nullable UUID patientId, AckAction action) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return about("SAFETY_ALERT_ACKNOWLEDGED", patientId, id, action.name());
        }
    }

    /** A prescriber cleared a patient to dose today despite a blocking alert or screen. */
    public record DoseCleared(UUID patientId, UUID clearanceId) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("DOSING_CLEARED", AuditRecord.Outcome.SUCCESS, patientId, "DosingClearance",
                    clearanceId.toString(), null);
        }
    }
}
