// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API token as listed to admins: never the secret, only its first characters. */
public record ApiTokenSummary(UUID id, UserId userId, String userEmail, String name, String prefix, Instant createdAt,
        @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
