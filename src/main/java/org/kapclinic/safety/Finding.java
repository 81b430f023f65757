// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One safety finding attached to an alert: the one that raised it, a repeat while it was open, or a repeat within the
 * quiet window after acknowledgment (recorded and shown, not paged).
 */
public record Finding(UUID id, AlertId alertId, Instant foundAt, String trigger, AlertLevel level, String sourceType,
        @Nullable UUID sourceId, String detail, Outcome outcome, String recordedBy) {

    public enum Outcome {
        RAISED("Raised this alert"),
        REPEAT("Repeat while open"),
        QUIET_REPEAT("Repeat after acknowledgment (not paged)");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
