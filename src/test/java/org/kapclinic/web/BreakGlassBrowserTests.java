// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kapclinic.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Break-glass in the browser (ADR 027): with care-team-only access a therapist finds no record outside their team,
 * opens one by MRN with a reason (a too-short reason is refused next to the field, the text kept), sees the record with
 * "Emergency access until"; the admin sees the banner and the report and marks it reviewed. Every page is scanned.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.class)
@ActiveProfiles("demo")
class BreakGlassBrowserTests extends BrowserFlowTest {

    private static final String THERAPIST = "therapist4@demo.kapclinic.test";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTherapistOpensARecordOutsideTheirTeamInAnEmergencyAndTheAdminReviewsIt() throws Exception {
        // The shared demo app runs without care-team-only (every clinician sees every patient, so break-glass has
        // nothing to open): switch it on for this test only, instead of starting a second demo app.
        var access = context.getBean(Class.forName("org.kapclinic.patients.PatientAccess"));
        ReflectionTestUtils.setField(access, "careTeamOnly", true);
        var therapist = jdbc.sql("SELECT id FROM user_account WHERE email = :e").param("e", THERAPIST)
                .query(UUID.class).single();
        try {
            var mrn = jdbc.sql("""
                    SELECT mrn FROM patient WHERE voided_at IS NULL
                    AND (therapist_id IS NULL OR therapist_id <> :t) AND (prescriber_id IS NULL OR prescriber_id <> :t)
                    ORDER BY mrn FETCH FIRST 1 ROWS ONLY""").param("t", therapist).query(String.class).single();
            var page = newPage(1280, 900);
            Browser.signIn(page, THERAPIST);
            page.navigate("/patients?q=" + mrn);
            assertThat(page.getByText("0 record(s) found.")).isVisible();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("open another record by its MRN")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Emergency access (break-glass)"))).isVisible();
            scan(page, "emergency access form");

            page.getByLabel("Patient's MRN").fill(mrn);
            page.getByLabel("Reason for emergency access").fill("urgent");
            button(page, "Open the record in an emergency").click();
            assertThat(page.locator("#reason-error")).containsText("at least 15 characters");
            assertThat(page.getByLabel("Reason for emergency access")).hasValue("urgent");
            assertThat(page.getByLabel("Patient's MRN")).hasValue(mrn);
            scan(page, "emergency access refused");

            page.getByLabel("Reason for emergency access")
                    .fill("Synthetic drill: patient collapsed in the lobby, care team off site.");
            button(page, "Open the record in an emergency").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Record"))).isVisible();
            assertThat(page.locator(".patient-banner")).containsText("Emergency access until");
            assertThat(page.locator(".patient-banner")).containsText(mrn);
            Browser.screenshot(page, "break-glass-record");
            scan(page, "record under emergency access");

            var admin = newPage(1280, 900);
            Browser.signIn(admin, "admin@demo.kapclinic.test");
            assertThat(admin.getByRole(AriaRole.ALERT).filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Break-glass"))).isVisible();
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Break-glass").setExact(true)).click();
            assertThat(admin.locator("table")).containsText(mrn);
            assertThat(admin.locator("table")).containsText("Synthetic drill");
            Browser.screenshot(admin, "break-glass-report");
            scan(admin, "break-glass report");
            admin.locator("tr", new Page.LocatorOptions().setHasText(mrn)).first()
                    .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Mark reviewed"))
                    .click();
            assertThat(admin.locator("table")).containsText("Reviewed by admin@demo.kapclinic.test");
        } finally {
            ReflectionTestUtils.setField(access, "careTeamOnly", false);
            // The shared demo app: take the grant and its alert emails out again (the audit entries stay, as they must).
            jdbc.sql("DELETE FROM break_glass_grant WHERE user_id = :t").param("t", therapist).update();
            jdbc.sql("DELETE FROM email_outbox WHERE subject LIKE 'Break-glass access opened%'").update();
        }
    }
}
