// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An allergy on the patient's list; removed (entered in error, disproved) with a reason, never deleted. */
public record Allergy(UUID id, String substance, String reaction, Instant addedAt, String addedBy,
        @Nullable Instant removedAt, @Nullable String removedBy, @Nullable String removeReason) {

    public boolean active() {
        return removedAt == null;
    }
}
