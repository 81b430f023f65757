// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.security.mfa.*} (README, "Settings"; ADR 026).
 *
 * @param requiredRoles who must use a second factor; an account holding any of these roles is sent to enrolment after
 *     its password until it has enrolled. Anyone who has enrolled is asked for a code whatever their role.
 * @param encryptionKey base64 of 32 random bytes that encrypts the authenticator secrets and keys the recovery-code
 *     hashes, so the database alone reveals neither. Blank: a key file in {@code kap.data-dir} is made on first use
 *     (fine for one node; every node of a cluster needs the same key, so set it there).
 * @param reauthenticationValidity how long a confirmed password (and code) allows changing email, password or MFA
 */
@ConfigurationProperties("kap.security.mfa")
record MfaSettings(
        @DefaultValue({"PRESCRIBER", "ADMIN"}) Set<Role> requiredRoles,
        @DefaultValue("") String encryptionKey,
        @DefaultValue("5m") Duration reauthenticationValidity) {

    boolean requiredFor(ClinicUser user) {
        return user.roles().stream().anyMatch(requiredRoles::contains);
    }
}
