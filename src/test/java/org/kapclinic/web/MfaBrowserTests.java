// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kapclinic.TestDatabases;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.security.TestMfa;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** Two-step sign-in in a real browser (ADR 026): enrolment by QR code at first sign-in, then a sign-in with a code. */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.class)
@ActiveProfiles("demo")
class MfaBrowserTests extends BrowserFlowTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private ClinicUser prescriber;

    @AfterEach
    void removeTheAuthenticator() {
        if (prescriber != null) {
            jdbc.sql("DELETE FROM mfa_recovery_code WHERE user_id = :id").param("id", prescriber.id().value()).update();
            jdbc.sql("DELETE FROM mfa_enrolment WHERE user_id = :id").param("id", prescriber.id().value()).update();
        }
    }

    @Test
    void aNewPrescriberScansTheQrCodeAtFirstSignInAndThenSignsInWithACode() {
        prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var page = newPage(1280, 900);
        page.navigate("/login");
        page.getByLabel("Email").fill(prescriber.email());
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        button(page, "Sign in").click();
        page.waitForURL("**/login/enrol");
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Set up your authenticator app"))).isVisible();
        assertThat(page.getByAltText("QR code to scan with your authenticator app; the same key is written out above."))
                .isVisible();
        scan(page, "enrolment");
        Browser.screenshot(page, "mfa-enrolment");
        // the only page there is until enrolled
        page.navigate("/patients");
        page.waitForURL("**/login/enrol");

        var secret = page.locator("#secret").textContent().replace(" ", "");
        page.getByLabel("Code from your authenticator app").fill("000000");
        button(page, "Turn on two-step sign-in").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("That code did not fit");
        page.getByLabel("Code from your authenticator app").fill(TestMfa.nextCode(prescriber.email(), secret));
        button(page, "Turn on two-step sign-in").click();
        assertThat(page.getByRole(AriaRole.LIST, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Recovery codes")).getByRole(AriaRole.LISTITEM)).hasCount(10);
        scan(page, "recovery codes");
        Browser.screenshot(page, "mfa-recovery-codes");
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("I have kept them, continue")).click();
        Browser.signOut(page);

        page.navigate("/login");
        page.getByLabel("Email").fill(prescriber.email());
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        button(page, "Sign in").click();
        page.waitForURL("**/login/code");
        scan(page, "code");
        Browser.screenshot(page, "mfa-code");
        page.getByLabel("Code from your authenticator app").fill(TestMfa.nextCode(prescriber.email(), secret));
        button(page, "Continue").click();
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate("/account");
        assertThat(page.locator("body")).containsText("On: a code from your authenticator app");
        scan(page, "your account");
    }
}
