// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Something appended to a signed note: who, when, why and what. A signed note itself never changes. */
public record NoteAmendment(UUID id, NoteId noteId, Kind kind, String reason, String body, @Nullable UUID requestId,
        Instant addedAt, String addedBy, String addedByName) {

    public enum Kind {
        CORRECTION("Amendment"),
        REQUEST_ACCEPTED("Amendment at the patient's request"),
        REQUEST_DENIED("Patient's amendment request, denied"),
        DISAGREEMENT("Patient's statement of disagreement");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
