// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * After a right password: someone who must use a second factor (by role, or because they enrolled) gets only a
 * {@link SecondFactorPending} sign-in; everyone else is signed in as before.
 */
final class SecondFactorStep implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final MfaEnrolments mfa;

    SecondFactorStep(AuthenticationProvider passwords, MfaEnrolments mfa) {
        this.passwords = passwords;
        this.mfa = mfa;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var result = passwords.authenticate(authentication);
        if (result != null && result.getPrincipal() instanceof ClinicUser user && mfa.appliesTo(user)) {
            return new SecondFactorPending(user, result.getDetails());
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
