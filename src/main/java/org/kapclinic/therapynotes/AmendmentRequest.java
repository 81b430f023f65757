// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;

/** A patient's request to amend a signed note (ONC 170.315(d)(4)), and what became of it. */
public record AmendmentRequest(UUID id, NoteId noteId, PatientId patientId, String whatIsWrong, String shouldSay,
        Status status, Instant requestedAt, @Nullable Instant decidedAt, @Nullable String decidedByName,
        @Nullable String denialReason, @Nullable String disagreement, @Nullable Instant disagreedAt) {

    public enum Status {
        PENDING("Waiting for the clinician"), ACCEPTED("Accepted: the note was amended"), DENIED("Denied");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
