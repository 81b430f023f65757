// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Creates real accounts for tests and acts as them, in MockMvc requests or direct calls. */
public final class TestAccounts {

    public static final String PASSWORD = "test-password-2026";

    private TestAccounts() {}

    public static ClinicUser create(ApplicationContext context, Role... roles) {
        var email = Arrays.stream(roles).map(r -> r.name().toLowerCase()).reduce((a, b) -> a + "-" + b).orElse("user")
                + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.kapclinic.test";
        context.getBean(UserAccounts.class).createWithPassword(email, "Test " + Arrays.toString(roles) + " (synthetic)",
                EnumSet.copyOf(Arrays.asList(roles)), PASSWORD, "TEST_ACCOUNT_CREATED");
        var user = context.getBean(UserAccountRepository.class).findForSignIn(email).orElseThrow();
        user.eraseCredentials();
        return user;
    }

    /** An existing account, e.g. one created by an invitation (a password is set for it first if it has none). */
    public static ClinicUser load(ApplicationContext context, String email) {
        var repository = context.getBean(UserAccountRepository.class);
        var user = repository.findForSignIn(email).orElseThrow();
        if (user.getPassword() == null) {
            repository.setPasswordHash(user.id(), context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class).encode(PASSWORD));
            user = repository.findForSignIn(email).orElseThrow();
        }
        user.eraseCredentials();
        return user;
    }

    public static RequestPostProcessor as(ClinicUser user) {
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public static <T> T runAs(ClinicUser user, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(ClinicUser user, Runnable action) {
        runAs(user, () -> {
            action.run();
            return null;
        });
    }
}
