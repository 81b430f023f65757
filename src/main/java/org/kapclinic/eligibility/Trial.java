// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of the antidepressant-trial table. An augmentation row names the augmenting agent. */
public record Trial(UUID id, String drug, BigDecimal maxDailyMg, int weeksAtDose, Adherence adherence,
        TrialOutcome outcome, boolean augmentation, boolean currentEpisode, String note, Instant enteredAt,
        String enteredBy, @Nullable Instant voidedAt, @Nullable String voidReason) {

    public boolean voided() {
        return voidedAt != null;
    }

    /** The key into the dose-floor table: the generic name in lower case. */
    public String drugKey() {
        return drug.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
