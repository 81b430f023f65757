// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the per-account and per-address throttles before the password, and counts failures after. Every failure,
 * throttled attempts included, leaves an audit entry.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final UserAccountRepository accounts;
    private final java.time.Clock clock;

    ThrottlingAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle, AuditTrail audit,
            UserAccountRepository accounts, java.time.Clock clock) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var email = String.valueOf(authentication.getName()).trim();
        var ip = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
        var accountKey = SignInThrottle.accountKey(email);
        var ipKey = SignInThrottle.ipKey(ip);
        var wait = throttle.waitFor(accountKey).or(() -> throttle.waitFor(ipKey));
        if (wait.isPresent()) {
            audit.recordAs(UserAccountRepository.normalise(email), "",
                    new AuditRecord("SIGN_IN_THROTTLED", AuditRecord.Outcome.DENIED, null, "UserAccount", null,
                            "retry after " + wait.get().toSeconds() + " s"));
            throw new SignInThrottled(wait.get());
        }
        try {
            var result = passwords.authenticate(authentication);
            throttle.clear(accountKey);
            accounts.recordSignIn(email, clock.instant());
            audit.recordAs(result.getName(), roles(result),
                    new AuditRecord("SIGN_IN", AuditRecord.Outcome.SUCCESS, null, "UserAccount", null, null));
            return result;
        } catch (AuthenticationException failed) {
            throttle.recordFailure(accountKey, throttle.freeFailuresPerAccount());
            throttle.recordFailure(ipKey, throttle.freeFailuresPerIp());
            audit.recordAs(UserAccountRepository.normalise(email), "",
                    new AuditRecord("SIGN_IN_FAILED", AuditRecord.Outcome.FAILURE, null, "UserAccount", null,
                            failed.getClass().getSimpleName()));
            throw failed;
        }
    }

    private static String roles(Authentication auth) {
        return auth.getAuthorities().stream().map(a -> String.valueOf(a.getAuthority()).replace("ROLE_", ""))
                .sorted().reduce((a, b) -> a + "," + b).orElse("");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
