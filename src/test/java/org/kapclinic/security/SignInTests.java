// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@ClinicIntegrationTest
class SignInTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    /** Each test signs in from its own address, so per-address counters never leak between tests. */
    private final String address = "192.0.2." + ADDRESSES.incrementAndGet();

    private RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    @Test
    void signsInWithTheRightPasswordAndAuditsIt() throws Exception {
        var user = TestAccounts.create(context, Role.THERAPIST);
        mvc.perform(login(user.email(), TestAccounts.PASSWORD, address))
                .andExpect(authenticated().withUsername(user.email()))
                .andExpect(redirectedUrl("/"));
        assertThat(count(user.email(), "SIGN_IN")).isEqualTo(1);
        // The session is stored in the database with the 15-minute idle time-out.
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :u")
                .param("u", user.email()).query(Integer.class).list()).containsOnly(900);
    }

    @Test
    void refusesAWrongPasswordKeepsTheTypedEmailAndAuditsTheFailure() throws Exception {
        var user = TestAccounts.create(context, Role.NURSE);
        var failed = mvc.perform(login(user.email(), "wrong-password-x", address))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"))
                .andReturn().getResponse();
        var sessionCookie = failed.getCookie("KAPSESSION");
        assertThat(sessionCookie).isNotNull();
        assertThat(sessionCookie.isHttpOnly()).isTrue();
        assertThat(failed.getHeader("Set-Cookie")).contains("SameSite=Lax");
        mvc.perform(get("/login").param("error", "").cookie(sessionCookie).with(from(address)))
                .andExpect(content().string(Matchers.containsString("value=\"" + user.email() + "\"")))
                .andExpect(content().string(Matchers.containsString("The email or password is not right")));
        assertThat(count(user.email(), "SIGN_IN_FAILED")).isEqualTo(1);
    }

    @Test
    void throttlesAfterRepeatedFailuresWithoutCheckingThePasswordAndAnAdminCanClearIt() throws Exception {
        var user = TestAccounts.create(context, Role.PRESCRIBER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(user.email(), "guess-" + i, address))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // Sixth failure starts the delay; even the right password is not checked while it lasts.
        mvc.perform(login(user.email(), "guess-6", address))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(login(user.email(), TestAccounts.PASSWORD, address))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrlPattern("/login?throttled=*"));
        assertThat(count(user.email(), "SIGN_IN_THROTTLED")).isEqualTo(1);
        var admin = TestAccounts.create(context, Role.ADMIN);
        TestAccounts.runAs(admin, () -> accounts.unlock(user.id()));
        mvc.perform(login(user.email(), TestAccounts.PASSWORD, address))
                .andExpect(authenticated());
    }

    @Test
    void throttlingOneAccountDoesNotLockOutOthers() throws Exception {
        var victim = TestAccounts.create(context, Role.THERAPIST);
        var attacker = "198.51.100." + ADDRESSES.incrementAndGet();
        for (int i = 0; i < 7; i++) {
            mvc.perform(login(victim.email(), "guess-" + i, attacker));
        }
        var colleague = TestAccounts.create(context, Role.THERAPIST);
        mvc.perform(login(colleague.email(), TestAccounts.PASSWORD, address))
                .andExpect(authenticated());
    }

    @Test
    void disabledAccountsCannotSignIn() throws Exception {
        var user = TestAccounts.create(context, Role.NURSE);
        var admin = TestAccounts.create(context, Role.ADMIN);
        TestAccounts.runAs(admin, () -> accounts.disable(user.id()));
        mvc.perform(login(user.email(), TestAccounts.PASSWORD, address))
                .andExpect(unauthenticated());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'USER_DISABLED' AND entity_id = :id")
                .param("id", user.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", Matchers.allOf(
                        Matchers.containsString("script-src 'self'"), Matchers.containsString("frame-ancestors 'none'"))))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void signingOutIsAudited() throws Exception {
        var user = TestAccounts.create(context, Role.THERAPIST);
        mvc.perform(post("/logout").with(csrf()).with(TestAccounts.as(user)))
                .andExpect(redirectedUrl("/login?signedOut"));
        assertThat(count(user.email(), "SIGN_OUT")).isEqualTo(1);
    }

    private MockHttpServletRequestBuilder login(String email, String password, String ip) {
        return post("/login").param("email", email).param("password", password).with(csrf()).with(from(ip));
    }

    private long count(String username, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE username = :u AND action = :a")
                .param("u", username).param("a", action).query(Long.class).single();
    }
}
