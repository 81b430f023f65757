// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Multi-factor sign-in (issue 9, ADR 026): through the real sign-in form and the database session. */
@ClinicIntegrationTest
class MultiFactorSignInTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MfaEnrolments mfa;

    @Autowired
    ApiTokens tokens;

    private final String address = "203.0.113." + ADDRESSES.incrementAndGet();

    /** A browser: keeps the session cookie across requests, including the new id after each sign-in step. */
    private final class Visitor {
        private Cookie session;

        MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
            if (session != null) {
                request.cookie(session);
            }
            request.with(r -> {
                r.setRemoteAddr(address);
                return r;
            });
            var response = mvc.perform(request).andReturn().getResponse();
            var fresh = response.getCookie("KAPSESSION");
            if (fresh != null) {
                session = fresh;
            }
            return response;
        }

        MockHttpServletResponse password(String email) throws Exception {
            return perform(post("/login").param("email", email).param("password", TestAccounts.PASSWORD).with(csrf()));
        }

        MockHttpServletResponse code(String code) throws Exception {
            return perform(post("/login/code").param("code", code).with(csrf()));
        }
    }

    @Test
    void aPrescriberWithOnlyAPasswordReachesNoPageUntilTheCodeIsGiven() throws Exception {
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var secret = TestMfa.enrol(context, prescriber);
        var browser = new Visitor();
        assertThat(browser.password(prescriber.email()).getRedirectedUrl()).isEqualTo("/");
        for (var page : List.of("/", "/patients", "/dosing/board", "/safety", "/outcomes", "/account")) {
            assertThat(browser.perform(get(page)).getRedirectedUrl()).as(page).isEqualTo("/login/code");
        }
        assertThat(browser.perform(get("/api/v1/patients")).getStatus()).isEqualTo(401);
        assertThat(browser.perform(get("/patients").header("HX-Request", "true")).getStatus()).isEqualTo(401);
        assertThat(browser.perform(post("/patients").with(csrf())).getStatus()).isEqualTo(401);
        assertThat(browser.perform(get("/login/code")).getContentAsString()).contains("Enter your code");

        var signedIn = browser.code(TestMfa.nextCode(prescriber.email(), secret));
        assertThat(signedIn.getRedirectedUrl()).contains("/account"); // where they were going (the last page asked for)
        assertThat(browser.perform(get("/patients")).getStatus()).isEqualTo(200);
        assertThat(count(prescriber.email(), "SIGN_IN")).isEqualTo(1);
    }

    @Test
    void aPrescriberWhoHasNotEnrolledIsSentToEnrolmentAndCanDoNothingElseUntilDone() throws Exception {
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var browser = new Visitor();
        browser.password(prescriber.email());
        assertThat(browser.perform(get("/patients")).getRedirectedUrl()).isEqualTo("/login/code");
        assertThat(browser.perform(get("/login/code")).getRedirectedUrl()).isEqualTo("/login/enrol");
        var page = browser.perform(get("/login/enrol")).getContentAsString();
        assertThat(page).contains("data:image/svg+xml;base64,");
        var matcher = Pattern.compile("id=\"secret\"[^>]*>([A-Z2-7 ]+)<").matcher(page);
        assertThat(matcher.find()).isTrue();
        var secret = matcher.group(1).replace(" ", "");
        // the secret stays the same while enrolling, so a slow scan still fits
        assertThat(browser.perform(get("/login/enrol")).getContentAsString()).contains(matcher.group(1));

        var wrong = browser.perform(post("/login/enrol").param("code", "000000").with(csrf()));
        assertThat(wrong.getContentAsString()).contains("That code did not fit");
        assertThat(mfa.isEnrolled(prescriber.id())).isFalse();

        var done = browser.perform(post("/login/enrol").param("code", TestMfa.nextCode(prescriber.email(), secret)).with(csrf()));
        var codes = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>").matcher(done.getContentAsString())
                .results().map(m -> m.group(1)).toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(mfa.isEnrolled(prescriber.id())).isTrue();
        assertThat(browser.perform(get("/patients")).getStatus()).isEqualTo(200);
        assertThat(count(prescriber.email(), "MFA_ENROLLED")).isEqualTo(1);
        // stored sealed and hashed: neither the secret nor a recovery code is in the database in clear
        var sealed = jdbc.sql("SELECT secret_sealed FROM mfa_enrolment WHERE user_id = :id")
                .param("id", prescriber.id().value()).query(String.class).single();
        assertThat(sealed).startsWith("v1:").doesNotContain(secret);
        var hashes = jdbc.sql("SELECT code_hash FROM mfa_recovery_code WHERE user_id = :id")
                .param("id", prescriber.id().value()).query(String.class).list();
        assertThat(hashes).hasSize(10).noneMatch(h -> codes.stream().anyMatch(c -> h.contains(c.replace("-", ""))));
    }

    @Test
    void aWrongOrReplayedCodeIsRefusedAuditedAndThrottled() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var secret = TestMfa.enrol(context, admin);
        var first = new Visitor();
        first.password(admin.email());
        var code = TestMfa.nextCode(admin.email(), secret);
        assertThat(first.code(code).getRedirectedUrl()).isEqualTo("/");

        var second = new Visitor();
        second.password(admin.email());
        var replay = second.code(code);
        assertThat(replay.getContentAsString()).contains("That code did not work");
        assertThat(second.perform(get("/admin/users")).getRedirectedUrl()).isEqualTo("/login/code");
        assertThat(failedSecondFactors(admin.email())).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            second.code("12345" + i);
        }
        var throttled = second.code(TestMfa.nextCode(admin.email(), secret));
        assertThat(throttled.getContentAsString()).contains("Too many failed attempts");
        assertThat(second.perform(get("/admin/users")).getRedirectedUrl()).isEqualTo("/login/code");
        assertThat(count(admin.email(), "SIGN_IN_THROTTLED")).isEqualTo(1);
    }

    @Test
    void aRecoveryCodeWorksOnceAndItsUseIsAudited() throws Exception {
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        TestMfa.enrol(context, prescriber);
        var codes = TestAccounts.runAs(prescriber, () -> mfa.regenerateRecoveryCodes(prescriber));
        var first = new Visitor();
        first.password(prescriber.email());
        assertThat(first.code(codes.get(3).toUpperCase()).getRedirectedUrl()).isEqualTo("/");
        assertThat(first.perform(get("/patients")).getStatus()).isEqualTo(200);
        assertThat(count(prescriber.email(), "MFA_RECOVERY_CODE_USED")).isEqualTo(1);
        assertThat(mfa.unusedRecoveryCodes(prescriber.id())).isEqualTo(9);

        var again = new Visitor();
        again.password(prescriber.email());
        assertThat(again.code(codes.get(3)).getContentAsString()).contains("That code did not work");
        assertThat(again.code(codes.get(4)).getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void anAdminResetIsAuditedEndsTheSessionsAndTellsThePersonByEmail() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var secret = TestMfa.enrol(context, nurse);
        var browser = new Visitor();
        browser.password(nurse.email());
        browser.code(TestMfa.nextCode(nurse.email(), secret));
        assertThat(browser.perform(get("/dosing/board")).getStatus()).isEqualTo(200);

        mvc.perform(post("/admin/users/" + nurse.id().value() + "/mfa/reset").with(TestAccounts.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + nurse.id().value()));
        assertThat(mfa.isEnrolled(nurse.id())).isFalse();
        assertThat(browser.perform(get("/dosing/board")).getStatus()).isEqualTo(401); // signed out: the session is gone
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :u").param("u", nurse.email())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'MFA_RESET' AND entity_id = :id AND username = :by")
                .param("id", nurse.id().toString()).param("by", admin.email()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT subject FROM email_outbox WHERE to_address = :to").param("to", nurse.email())
                .query(String.class).list()).anyMatch(s -> s.contains("two-step sign-in was reset"));
        // a nurse need not use a second factor: without an authenticator the password alone signs in again
        var again = new Visitor();
        again.password(nurse.email());
        assertThat(again.perform(get("/dosing/board")).getStatus()).isEqualTo(200);
        // only admins reset
        mvc.perform(post("/admin/users/" + admin.id().value() + "/mfa/reset").with(TestAccounts.as(nurse)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void apiTokensGoOnlyToEnrolledAccountsAndOnlyFromAnAdminSignedInWithACode() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var enrolled = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        TestMfa.enrol(context, enrolled);
        var notEnrolled = TestAccounts.create(context, Role.INTAKE_COORDINATOR);

        assertThatThrownBy(() -> TestAccounts.runAs(admin, () -> tokens.issue(enrolled.id(), "no code")))
                .isInstanceOf(AccountProblem.class).hasMessageContaining("signed in with an authenticator code");
        assertThatThrownBy(() -> TestMfa.runAsWithCode(admin, () -> tokens.issue(notEnrolled.id(), "no mfa")))
                .isInstanceOf(AccountProblem.class).hasMessageContaining("has not set up two-step sign-in");
        mvc.perform(post("/admin/users/" + notEnrolled.id().value() + "/tokens").param("name", "x")
                        .with(TestMfa.asWithCode(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + notEnrolled.id().value()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", Matchers.containsString("has not set up two-step sign-in")));
        assertThat(TestMfa.runAsWithCode(admin, () -> tokens.issue(enrolled.id(), "ok")).secret()).startsWith("kap_");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE user_id IN (:ids)")
                .param("ids", List.of(enrolled.id().value(), notEnrolled.id().value())).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void changingPasswordEmailOrAuthenticatorNeedsThePasswordAndACodeAgainFirst() throws Exception {
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var secret = TestMfa.enrol(context, prescriber);
        var browser = new Visitor();
        browser.password(prescriber.email());
        browser.code(TestMfa.nextCode(prescriber.email(), secret));
        for (var page : List.of("password", "email", "mfa")) {
            assertThat(browser.perform(get("/account/" + page)).getRedirectedUrl()).isEqualTo("/account/confirm?next=" + page);
        }
        assertThat(browser.perform(post("/account/password").param("password", "a new password 2026")
                .param("confirmation", "a new password 2026").with(csrf())).getRedirectedUrl())
                .isEqualTo("/account/confirm?next=password");
        assertThat(browser.perform(post("/account/confirm").param("next", "password").param("password", "wrong one")
                .with(csrf())).getContentAsString()).contains("That password is not right");
        assertThat(browser.perform(post("/account/confirm").param("next", "password")
                .param("password", TestAccounts.PASSWORD).with(csrf())).getContentAsString()).contains("That code did not work");
        assertThat(browser.perform(post("/account/confirm").param("next", "password").param("password", TestAccounts.PASSWORD)
                .param("code", TestMfa.nextCode(prescriber.email(), secret)).with(csrf())).getRedirectedUrl())
                .isEqualTo("/account/password");
        assertThat(browser.perform(post("/account/password").param("password", "short").param("confirmation", "short")
                .with(csrf())).getContentAsString()).contains("Use at least 12 characters");
        assertThat(browser.perform(post("/account/password").param("password", "a new password 2026")
                .param("confirmation", "a new password 2026").with(csrf())).getRedirectedUrl()).isEqualTo("/account");
        assertThat(count(prescriber.email(), "PASSWORD_CHANGED")).isEqualTo(1);
        // one confirmation, one change: the email needs confirming again
        assertThat(browser.perform(get("/account/email")).getRedirectedUrl()).isEqualTo("/account/confirm?next=email");
        browser.perform(post("/account/confirm").param("next", "email").param("password", "a new password 2026")
                .param("code", TestMfa.nextCode(prescriber.email(), secret)).with(csrf()));
        var renamed = "renamed-" + prescriber.email();
        assertThat(browser.perform(post("/account/email").param("email", renamed).with(csrf())).getRedirectedUrl())
                .isEqualTo("/account");
        assertThat(browser.perform(get("/account")).getContentAsString()).contains(renamed);
        assertThat(jdbc.sql("SELECT subject FROM email_outbox WHERE to_address = :to").param("to", prescriber.email())
                .query(String.class).list()).anyMatch(s -> s.contains("sign-in email was changed"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'EMAIL_CHANGED' AND entity_id = :id")
                .param("id", prescriber.id().toString()).query(Long.class).single()).isEqualTo(1);
        var again = new Visitor();
        assertThat(again.perform(post("/login").param("email", renamed).param("password", "a new password 2026")
                .with(csrf())).getRedirectedUrl()).isEqualTo("/");
        assertThat(again.perform(get("/patients")).getRedirectedUrl()).isEqualTo("/login/code");
    }

    private long failedSecondFactors(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE username = :u AND action = 'SIGN_IN_FAILED' "
                + "AND details LIKE 'second factor%'").param("u", email).query(Long.class).single();
    }

    private long count(String username, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE username = :u AND action = :a")
                .param("u", username).param("a", action).query(Long.class).single();
    }
}
