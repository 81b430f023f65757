// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;

/** A questionnaire sent to a patient, with the answers saved so far ({@code draft}). */
public record QuestionnaireRequest(RequestId id, PatientId patientId, String instrument, Channel channel,
        Status status, Map<String, Integer> draft, List<String> flagsRaised, @Nullable String sentTo,
        Instant createdAt, String createdBy, Instant expiresAt, @Nullable Instant remindAt,
        @Nullable Instant remindedAt, @Nullable Instant openedAt, @Nullable Instant completedAt,
        @Nullable AssessmentId assessmentId, long version) {

    public enum Status { OPEN, COMPLETED, CANCELLED }

    /** Open and not yet expired: it can still be answered. */
    public boolean usable(Instant now) {
        return status == Status.OPEN && now.isBefore(expiresAt);
    }

    /** The state a person sees: "Completed", "Expired", "Cancelled", "Waiting" or "Started". */
    public String stateAt(Instant now) {
        return switch (status) {
            case COMPLETED -> "Completed";
            case CANCELLED -> "Cancelled";
            case OPEN -> !now.isBefore(expiresAt) ? "Expired" : draft.isEmpty() ? "Waiting" : "Started";
        };
    }
}
