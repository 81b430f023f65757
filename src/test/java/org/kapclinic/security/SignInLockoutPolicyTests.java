// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The sign-in lock-out policy (ADR 005, ADR 029): throttling, never a permanent lock. Per account after 5 free failures
 * and per client address after 20, each further failure doubles the wait (2 s, 4 s, ... capped at 15 minutes) during
 * which even the right password is not checked; the wait ends by itself, and an admin can clear it (SignInTests).
 */
@ClinicIntegrationTest
class SignInLockoutPolicyTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    SignInThrottle throttle;

    private final String address = "203.0.113." + ADDRESSES.incrementAndGet();

    /** Pinned: password hashing on a busy machine takes seconds, longer than the first 2-second wait. */
    @BeforeEach
    void pinClock() {
        TestClock.INSTANCE.pin(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToFifteenMinutes() {
        assertThat(throttle.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(throttle.delayAfter(9)).isEqualTo(Duration.ofSeconds(512));
        assertThat(throttle.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theWaitEndsByItselfWithoutAnAdmin() throws Exception {
        var user = TestAccounts.create(context, Role.PRESCRIBER);
        for (int i = 0; i < 6; i++) {
            mvc.perform(login(user.email(), "guess-" + i, address)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(user.email(), TestAccounts.PASSWORD, address)).andExpect(unauthenticated())
                .andExpect(redirectedUrlPattern("/login?throttled=*"));
        TestClock.INSTANCE.advance(Duration.ofSeconds(3));
        mvc.perform(login(user.email(), TestAccounts.PASSWORD, address)).andExpect(authenticated());
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledAtThatAddressOnly() throws Exception {
        for (int i = 0; i < 21; i++) {
            mvc.perform(login("nobody-" + i + "-" + address + "@example.org", "guess", address))
                    .andExpect(redirectedUrl("/login?error"));
        }
        var user = TestAccounts.create(context, Role.NURSE);
        mvc.perform(login(user.email(), TestAccounts.PASSWORD, address)).andExpect(unauthenticated())
                .andExpect(redirectedUrlPattern("/login?throttled=*"));
        mvc.perform(login(user.email(), TestAccounts.PASSWORD, address + "9")).andExpect(authenticated());
    }

    @Test
    void anUnknownEmailIsThrottledJustLikeARealOneSoNothingSaysWhichAccountsExist() throws Exception {
        var real = TestAccounts.create(context, Role.THERAPIST);
        var unknown = "no-such-account-" + ADDRESSES.incrementAndGet() + "@example.org";
        for (var email : new String[] {real.email(), unknown}) {
            for (int i = 0; i < 6; i++) {
                mvc.perform(login(email, "guess-" + i, address + i)).andExpect(redirectedUrl("/login?error"));
            }
            mvc.perform(login(email, "guess-7", address + "7")).andExpect(redirectedUrlPattern("/login?throttled=*"));
        }
    }

    private MockHttpServletRequestBuilder login(String email, String password, String ip) {
        return post("/login").param("email", email).param("password", password).with(csrf()).with(request -> {
            request.setRemoteAddr(ip);
            return request;
        });
    }
}
