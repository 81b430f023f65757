// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A safety alert as stored. {@code patientId} is set for patients, {@code inquiryId} for people who are not patients
 * yet (they have no care team and go to the clinic's triage). {@code step} is the escalation step last paged: 1 care
 * team, 2 prescriber on duty, 3 on-call clinician and clinical lead.
 */
public record Alert(AlertId id, @Nullable UUID patientId, @Nullable UUID inquiryId, AlertLevel level, String trigger,
        String summary, Status status, Instant raisedAt, String raisedBy, int step, @Nullable Instant nextEscalationAt,
        @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable AckAction action,
        @Nullable String note, @Nullable Instant quietUntil, long version) {

    public enum Status { OPEN, ACKNOWLEDGED }

    public static final int CARE_TEAM = 1;
    public static final int PRESCRIBER_ON_DUTY = 2;
    public static final int ON_CALL = 3;

    public boolean open() {
        return status == Status.OPEN;
    }

    public String stepLabel() {
        return switch (step) {
            case CARE_TEAM -> patientId == null ? "Clinic triage (prescriber on duty)" : "Care team";
            case PRESCRIBER_ON_DUTY -> "Prescriber on duty";
            case ON_CALL -> "On-call clinician and clinical lead";
            default -> "Not yet paged";
        };
    }

    public String triggerDescription() {
        return Triggers.describe(trigger);
    }
}
