// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kapclinic.TestClock;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Second factors for tests (ADR 026): enrol an account with a known secret and make codes from it, as an authenticator
 * app would. The server accepts each 30-second step once per account, so codes are handed out for increasing steps
 * (the one before now, now, the one after), waiting for the clock only when all three are used.
 */
public final class TestMfa {

    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private TestMfa() {}

    /** The demo clinic's fixed secret for this demo account, if its role requires a second factor. */
    public static Optional<String> demoSecret(String email) {
        return Optional.ofNullable(SecurityDemoData.TOTP_SECRETS.get(UserAccountRepository.normalise(email)));
    }

    /** Enrols the account with a fresh secret (as if it had scanned the QR code) and returns the secret. */
    public static String enrol(ApplicationContext context, ClinicUser user) {
        var secret = Totp.newSecret();
        context.getBean(MfaEnrolments.class).enrolFixed(user.id(), secret);
        return secret;
    }

    /** A code for a step this account has not used yet in this test run. */
    public static synchronized String nextCode(String email, String secret) {
        var account = UserAccountRepository.normalise(email);
        long step = Math.max(LAST_STEP.getOrDefault(account, Long.MIN_VALUE + 1) + 1, Totp.step(TestClock.INSTANCE.instant()) - 1);
        long waited = 0;
        while (step > Totp.step(TestClock.INSTANCE.instant()) + 1) {
            if (waited > 35_000) {
                throw new IllegalStateException("No unused TOTP step for " + account + ": is the test clock pinned?");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            waited += 250;
        }
        LAST_STEP.put(account, step);
        return Totp.code(secret, step);
    }

    /** The code for one given step (for tests of the step window and replays). */
    public static String codeAt(String secret, long step) {
        return Totp.code(secret, step);
    }

    public static long stepNow() {
        return Totp.step(TestClock.INSTANCE.instant());
    }

    /**
     * Issues an API token to {@code user} as {@code admin} signed in with a code, enrolling {@code user} first if
     * needed: tokens go only to accounts with a second factor, and only from an admin who gave one (ADR 026).
     */
    public static IssuedToken issueToken(ApplicationContext context, ClinicUser admin, ClinicUser user, String name) {
        if (!context.getBean(MfaEnrolments.class).isEnrolled(user.id())) {
            enrol(context, user);
        }
        return runAsWithCode(admin, () -> context.getBean(ApiTokens.class).issue(user.id(), name));
    }

    /** Acts as {@code user} signed in with password and authenticator code (e.g. an admin issuing API tokens). */
    public static RequestPostProcessor asWithCode(ClinicUser user) {
        return SecurityMockMvcRequestPostProcessors.authentication(withCode(user));
    }

    public static <T> T runAsWithCode(ClinicUser user, java.util.function.Supplier<T> action) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(withCode(user));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    private static UsernamePasswordAuthenticationToken withCode(ClinicUser user) {
        var authorities = new ArrayList<GrantedAuthority>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        authorities.add(FactorGrantedAuthority.fromAuthority(SecondFactors.TOTP_FACTOR));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
