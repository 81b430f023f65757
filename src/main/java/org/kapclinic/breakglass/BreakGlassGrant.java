// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.breakglass;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One use of break-glass: who opened which record, why, for how long, and how many audited accesses followed. */
record BreakGlassGrant(
        UUID id,
        UUID userId,
        String username,
        UUID patientId,
        String reason,
        Instant startedAt,
        Instant expiresAt,
        int accessCount,
        @Nullable Instant reviewedAt,
        @Nullable String reviewedBy) {

    boolean activeAt(Instant now) {
        return !startedAt.isAfter(now) && expiresAt.isAfter(now);
    }
}
