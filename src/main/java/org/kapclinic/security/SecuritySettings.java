// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code kap.security.*}: sign-in throttling, invitation validity and password length (README, "Settings"). */
@ConfigurationProperties("kap.security")
record SecuritySettings(
        @DefaultValue Throttle throttle,
        @DefaultValue("72h") Duration invitationValidity,
        @DefaultValue("12") int minPasswordLength) {

    /**
     * Progressive throttling (OWASP ASVS V6.3: resist brute force without enabling denial of service): a number of
     * free failures, then each further failure doubles the wait, capped at {@code maxDelay}.
     */
    record Throttle(
            @DefaultValue("5") int freeFailuresPerAccount,
            @DefaultValue("20") int freeFailuresPerIp,
            @DefaultValue("2s") Duration baseDelay,
            @DefaultValue("15m") Duration maxDelay) {}
}
