// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Session control (ADR 027) against the real session store: sessions are signed in through the form and read back
 * from Spring Session JDBC, so what is proved holds for every node sharing the database.
 */
@ClinicIntegrationTest
class SessionControlTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> repository;

    private final String address = "198.51.100." + ADDRESSES.incrementAndGet();

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private Cookie signIn(ClinicUser user) throws Exception {
        var response = mvc.perform(post("/login").param("email", user.email()).param("password", TestAccounts.PASSWORD)
                        .with(csrf()).with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        }))
                .andExpect(redirectedUrl("/"))
                .andReturn().getResponse();
        // Form sign-in also fills the test's security context holder, which MockMvc would apply to every later
        // request: clear it, so only the session cookie (the real session store) decides who is signed in.
        TestSecurityContextHolder.clearContext();
        var cookie = response.getCookie("KAPSESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private void assertSignedIn(Cookie cookie) throws Exception {
        mvc.perform(get("/account/sessions").cookie(cookie).header("User-Agent", "SyntheticBrowser/1.0"))
                .andExpect(status().isOk());
        TestSecurityContextHolder.clearContext();
    }

    private void assertSignedOut(Cookie cookie) throws Exception {
        // a browser's page request (Accept: text/html) is sent to the sign-in page
        mvc.perform(get("/account/sessions").cookie(cookie).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/login"));
        TestSecurityContextHolder.clearContext();
    }

    /**
     * Moves the stored creation time of the user's sessions back (Spring Session's time base is the system clock, as for
     * the idle time-out); the last access stays recent, so only the absolute lifetime can end them.
     */
    private void signedInAgo(ClinicUser user, Duration ago) {
        int updated = jdbc.sql("UPDATE spring_session SET creation_time = :t WHERE principal_name = :email")
                .param("t", System.currentTimeMillis() - ago.toMillis()).param("email", user.email()).update();
        assertThat(updated).isEqualTo(1);
    }

    private int sessionsOf(ClinicUser user) {
        return repository.findByPrincipalName(user.email()).size();
    }

    private long audited(String action, String username) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND username = :u")
                .param("a", action).param("u", username).query(Long.class).single();
    }

    @Test
    void aSessionOlderThanTheAbsoluteLifetimeIsEndedEvenWhileInUse() throws Exception {
        var user = TestAccounts.create(context, Role.THERAPIST);
        var cookie = signIn(user);
        signedInAgo(user, Duration.ofHours(11).plusMinutes(58));
        assertSignedIn(cookie);
        signedInAgo(user, Duration.ofHours(12).plusMinutes(1));
        assertSignedOut(cookie);
        assertThat(sessionsOf(user)).isZero();
        assertThat(audited("SESSION_EXPIRED", user.email())).isEqualTo(1);
    }

    @Test
    void signOutEverywhereEndsEverySessionOfTheUserIncludingThisOne() throws Exception {
        var user = TestAccounts.create(context, Role.NURSE);
        var bystander = TestAccounts.create(context, Role.NURSE);
        var first = signIn(user);
        var second = signIn(user);
        var other = signIn(bystander);
        assertSignedIn(second); // the session notes its address and browser on its first request after sign-in
        mvc.perform(get("/account/sessions").cookie(first))
                .andExpect(content().string(Matchers.containsString("(this one)")))
                .andExpect(content().string(Matchers.containsString("SyntheticBrowser/1.0")));
        assertThat(sessionsOf(user)).isEqualTo(2);

        mvc.perform(post("/account/sessions/end-all").cookie(first).with(csrf()))
                .andExpect(redirectedUrl("/login?signedOut"));
        TestSecurityContextHolder.clearContext();

        assertThat(sessionsOf(user)).isZero();
        assertSignedOut(first);
        assertSignedOut(second);
        assertSignedIn(other);
        assertThat(audited("SIGNED_OUT_EVERYWHERE", user.email())).isEqualTo(1);
    }

    @Test
    void anAdminEndsAnotherUsersSessionsAndItIsAudited() throws Exception {
        var user = TestAccounts.create(context, Role.THERAPIST);
        var admin = TestAccounts.create(context, Role.ADMIN);
        var cookie = signIn(user);
        mvc.perform(post("/admin/users/{id}/sessions/end", user.id().value()).with(TestAccounts.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + user.id().value()));
        assertSignedOut(cookie);
        assertThat(sessionsOf(user)).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'USER_SESSIONS_ENDED' AND username = :admin
                AND entity_id = :id AND details = 'sessions=1'""")
                .param("admin", admin.email()).param("id", user.id().toString()).query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/admin/users/{id}/sessions/end", user.id().value()).with(TestAccounts.as(user)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void disablingAnAccountEndsItsSessionsInTheSharedStoreAtOnce() throws Exception {
        var user = TestAccounts.create(context, Role.THERAPIST);
        var admin = TestAccounts.create(context, Role.ADMIN);
        var cookie = signIn(user);
        assertSignedIn(cookie);
        assertThat(sessionsOf(user)).isEqualTo(1);
        TestAccounts.runAs(admin, () -> context.getBean(UserAccounts.class).disable(user.id()));
        assertThat(sessionsOf(user)).isZero();
        assertSignedOut(cookie);
    }
}
