// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.time.Instant;

/** A set-password link for a new account. The token is shown once; only its hash is stored. */
public record Invitation(UserId userId, String email, String link, Instant expiresAt, boolean emailed) {}
