// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.io.Serial;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Refusal: too many recent failed sign-ins for this account or address; the password was not checked. */
class SignInThrottled extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    SignInThrottled(Duration retryAfter) {
        super("Too many failed sign-ins; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
