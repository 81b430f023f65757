// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A minimum adequate daily dose, with its source and whether a prescriber has verified it. */
public record DoseFloor(String drug, String displayName, String drugClass, BigDecimal minDailyMg, String source,
        @Nullable String verifiedBy, @Nullable Instant verifiedAt, String updatedBy, Instant updatedAt, long version) {

    public boolean verified() {
        return verifiedAt != null;
    }
}
