// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A user account as shown on admin screens and pickers. {@code activated} is false until the invitation is accepted. */
public record AccountSummary(
        UserId id,
        String email,
        String displayName,
        Set<Role> roles,
        boolean enabled,
        boolean activated,
        Instant createdAt,
        @Nullable Instant lastSignInAt) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
