// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kapclinic.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Evaluation in a real browser: the prescriber takes the demo portal patient's open esketamine evaluation through the
 * trial table, history, screening and medication reconciliation to a signed decision, meeting field errors on the way
 * with nothing typed lost; the patient signs a consent in the portal on a phone.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.class)
@ActiveProfiles("demo")
class EvaluationBrowserTests extends BrowserFlowTest {

    private static final String PRESCRIBER = "prescriber@demo.kapclinic.test";
    private static final String PATIENT = "patient@demo.kapclinic.test";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.kapclinic.calendar.ClinicCalendar calendar;


    private static Locator screeningRow(Page page, String label) {
        return page.locator("#screening-form tbody tr", new Page.LocatorOptions().setHasText(label));
    }

    @Test
    void aPrescriberEvaluatesTheDemoPatientToASignedDecision() {
        var patient = jdbc.sql("SELECT id FROM patient WHERE email = :e").param("e", PATIENT).query(UUID.class).single();
        var page = newPage(1280, 1000);
        Browser.signIn(page, PRESCRIBER);
        page.navigate("/patients/" + patient);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Evaluation").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Evaluation and eligibility"))).isVisible();
        assertThat(page.locator("#trd-summary")).containsText("TRD criteria met");
        assertThat(page.locator("#trial-table")).containsText("Dose 5 mg/day is below the minimum adequate 10 mg/day.");
        assertThat(page.locator("#blockers")).containsText("Complete the contraindication screening.");
        scan(page, "evaluation");
        Browser.screenshot(page, "evaluation-open");

        // a mistyped trial comes back with the message next to the field and everything typed still there
        page.getByLabel("Drug (generic name)").fill("duloxetine");
        page.getByLabel("Highest daily dose (mg)").fill("60");
        page.getByLabel("Weeks at that dose").fill("eight");
        page.getByLabel("Adherence").selectOption("MOST_DAYS");
        page.getByLabel("Outcome", new Page.GetByLabelOptions().setExact(true)).selectOption("NO_RESPONSE");
        button(page, "Add the trial").click();
        assertThat(page.locator("#weeksAtDose-error")).hasText("give a whole number.");
        assertThat(page.getByLabel("Drug (generic name)")).hasValue("duloxetine");
        assertThat(page.getByLabel("Adherence")).hasValue("MOST_DAYS");
        page.getByLabel("Weeks at that dose").fill("8");
        button(page, "Add the trial").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Trial added.");
        assertThat(page.locator("#trd-summary")).containsText("3 adequate failed trials");

        page.getByLabel("Baseline severity (Maudsley)").selectOption("SEVERE");
        page.getByLabel("Spravato REMS patient enrolment date (esketamine only)").fill("2026-11-02");
        button(page, "Save history").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("History saved.");
        assertThat(page.locator("#maudsley-total")).containsText("moderate");

        // a relative contraindication without a sign-off reason is refused next to its row
        for (var no : page.locator("#screening-form").getByLabel("No", new Locator.GetByLabelOptions().setExact(true)).all()) {
            no.check();
        }
        screeningRow(page, "Uncontrolled hypertension").getByLabel("Yes", new Locator.GetByLabelOptions().setExact(true)).check();
        button(page, "Save the screening").click();
        assertThat(screeningRow(page, "Uncontrolled hypertension").locator(".field-error"))
                .containsText("a relative contraindication needs your sign-off");
        assertThat(screeningRow(page, "Uncontrolled hypertension").getByLabel("Yes", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        screeningRow(page, "Uncontrolled hypertension").getByRole(AriaRole.TEXTBOX)
                .fill("Treated; 132/84 in clinic today. Recheck before each dose.");
        button(page, "Save the screening").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Screening saved.");
        assertThat(page.locator("#blockers")).containsText("Reconcile the medications");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Medications").setExact(true)).first().click();
        page.getByLabel("Medication", new Page.GetByLabelOptions().setExact(true)).fill("tramadol");
        page.getByLabel("Dose and frequency").fill("50 mg as needed");
        button(page, "Add the medication").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Added tramadol (Opioid).");
        button(page, "Reviewed both lists with the patient: reconcile").click();
        assertThat(page.locator("#reconciliation")).containsText("at evaluation");
        scan(page, "medications");
        Browser.screenshot(page, "medications");

        page.navigate("/patients/" + patient + "/evaluation");
        assertThat(page.locator("#blockers")).hasCount(0);
        page.locator("#decision-form").getByLabel("Eligible with conditions", new Locator.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Reasons", new Page.GetByLabelOptions().setExact(true))
                .fill("Three adequate failed trials this episode; hypertension treated.");
        page.getByLabel("Conditions (for \"eligible with conditions\")").fill("Blood pressure under 140/90 before each dose.");
        button(page, "Sign the decision").click();
        assertThat(page.locator("#confirm-error, .field-error").first()).containsText("tick the box to sign");
        assertThat(page.getByLabel("Conditions (for \"eligible with conditions\")"))
                .hasValue("Blood pressure under 140/90 before each dose.");
        page.getByLabel("I sign this decision", new Page.GetByLabelOptions().setExact(false)).check();
        button(page, "Sign the decision").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Decision signed.");
        assertThat(page.locator("#decisions")).containsText("Eligible with conditions");
        assertThat(page.locator("#decisions")).containsText("relative Uncontrolled hypertension (signed off:");
        assertThat(page.locator("#decision-form")).hasCount(0);
        Browser.screenshot(page, "evaluation-decided");

        // the consents an esketamine plan needs, signed on the clinic tablet
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Consents").setExact(true)).first().click();
        for (var title : List.of("Consent to treatment", "Communication by email and text")) {
            page.locator("#consent-table tr", new Page.LocatorOptions().setHasText(title))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign on tablet")).click();
            assertThat(page.locator(".kiosk-banner")).containsText("please hand this to");
            page.getByLabel("I have read this document and I agree to it.").check();
            page.getByLabel("Type your full name to sign").fill("Pat Portalson");
            button(page, "Sign").click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("signed on the tablet");
        }

        // a plan from the label's esketamine template, approved, with its generated sessions
        page.navigate("/patients/" + patient + "/plan");
        page.getByLabel("Esketamine for TRD (label schedule)", new Page.GetByLabelOptions().setExact(false)).check();
        page.getByLabel("First dosing day").fill(firstMondayAfterAWeek());
        button(page, "Make the draft").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Draft plan made");
        assertThat(page.locator("#plan-sessions tbody tr")).hasCount(17); // 16 dosing sessions and the re-evaluation after induction
        assertThat(page.locator("#plan-sessions")).containsText("56 mg (2 devices)");
        assertThat(page.locator("#plan-sessions")).containsText("End of the 4-week induction");
        assertThat(page.locator("#plan-measures")).containsText("24 h after dose 1");
        button(page, "Approve the plan").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Plan approved.");
        assertThat(page.locator("#plan-summary")).containsText("Approved");
        scan(page, "plan");
        Browser.screenshot(page, "plan-approved");

        // approval booked the sessions: the first dose is on the day view, in a chair, awaiting transport confirmation
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Appointments").setExact(true)).first().click();
        assertThat(page.locator("#appointments-table")).containsText("Dose 1");
        assertThat(page.locator("#unbooked")).hasCount(0);
        var firstDose = firstMondayAfterAWeek();
        // other browser tests add locations to the shared demo clinic (a fixture's sorts first): open the day view
        // of the location the first dose was booked at
        var bookedAt = jdbc.sql("""
                SELECT location_id FROM appointment WHERE patient_id = :p AND type = 'DOSING' AND status = 'BOOKED'
                    AND plan_id IS NOT NULL ORDER BY starts_at LIMIT 1""").param("p", patient).query(UUID.class).single();
        page.navigate("/schedule?date=" + firstDose + "&location=" + bookedAt);
        var grid = page.locator("#day-grid");
        assertThat(grid).containsText("Portalson, Pat");
        assertThat(grid.locator("td.slot-dosing", new Locator.LocatorOptions().setHasText("Portalson")))
                .containsText("08:40–11:30");
        assertThat(grid.locator("td.slot-dosing", new Locator.LocatorOptions().setHasText("Portalson")))
                .containsText("transport unconfirmed");
        assertThat(page.locator("#staffing")).containsText("Prescriber on site");
        scan(page, "day view");
        Browser.screenshot(page, "day-view");
    }

    /** A Monday at least a week away that the clinic is open (a holiday Monday moves on a week). */
    private String firstMondayAfterAWeek() {
        var day = java.time.LocalDate.now(calendar.zone()).plusDays(7);
        while (day.getDayOfWeek() != java.time.DayOfWeek.MONDAY || !calendar.current().isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day.toString();
    }

    @Test
    void thePatientSignsAConsentInThePortalOnAPhone() {
        var phone = newPage(390, 844);
        Browser.signIn(phone, PATIENT);
        phone.navigate("/portal/consents");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read and sign Telehealth")).click();
        button(phone, "Sign").click();
        assertThat(phone.locator("#agreed-error")).containsText("tick the box");
        phone.getByLabel("Type your full name to sign").fill("Pat Portalson");
        phone.getByLabel("I have read this document and I agree to it.").check();
        scan(phone, "consent");
        Browser.screenshot(phone, "consent-phone");
        button(phone, "Sign").click();
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Telehealth: signed. Thank you.");
        assertThat(phone.locator("#portal-consents li", new Page.LocatorOptions().setHasText("Telehealth")))
                .containsText("Signed");
        var width = (Number) phone.evaluate("document.documentElement.scrollWidth");
        assertTrue(width.intValue() <= 390, "The consent list is " + width + " px wide on a 390 px phone");
    }
}
