// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A signed eligibility decision. Never edited: an amendment is a new decision that names the one it amends. */
public record Decision(UUID id, UUID evaluationId, Modality modality, Outcome outcome, String reasons,
        String conditions, boolean trdMet, String trdSummary, int maudsleyTotal, String screeningSummary,
        @Nullable UUID amends, @Nullable String amendmentReason, Instant signedAt, String signedBy) {

    public enum Outcome {
        ELIGIBLE("Eligible"),
        ELIGIBLE_WITH_CONDITIONS("Eligible with conditions"),
        NOT_ELIGIBLE("Not eligible");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean eligible() {
            return this != NOT_ELIGIBLE;
        }
    }
}
