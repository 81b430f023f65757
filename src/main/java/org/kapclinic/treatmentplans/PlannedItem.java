// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One entry of a generated schedule: a dose, a therapy session around it, a measurement or a re-evaluation. */
public record PlannedItem(Kind kind, ZonedDateTime at, String label, @Nullable Integer doseNumber, String phase,
        List<String> instruments, @Nullable String dose) {

    public enum Kind {
        DOSING("Dosing session"),
        PREPARATION("Preparation session"),
        INTEGRATION("Integration session"),
        ASSESSMENT("Measurement"),
        REEVALUATION("Re-evaluation");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Kinds that are appointments with the clinic (the rest are points in time). */
        public boolean appointment() {
            return this == DOSING || this == PREPARATION || this == INTEGRATION || this == REEVALUATION;
        }
    }
}
