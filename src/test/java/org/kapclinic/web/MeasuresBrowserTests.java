// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kapclinic.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Measurement and safety in a real browser: a clinician sends a PHQ-9 link, the patient answers it on a phone without
 * signing in, a positive item 9 brings up crisis resources at once, the alert lands in the Safety inbox and is
 * acknowledged, and the trajectory chart shows the score. Also the kiosk and the portal's questionnaire list, with
 * axe-core scans of every patient-facing page.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.class)
@ActiveProfiles("demo")
class MeasuresBrowserTests {

    private static final String PRESCRIBER = "prescriber@demo.kapclinic.test";
    private static final String THERAPIST = "therapist1@demo.kapclinic.test";
    private static final Pattern LINK = Pattern.compile("http://[^\\s]+/q/(q[A-Za-z0-9_-]{43})");

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> pageErrors = new ArrayList<>();
    private final List<Browser.Violation> violations = new ArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        assertTrue(pageErrors.isEmpty(), () -> "The browser reported errors:\n" + String.join("\n", pageErrors));
        var blocking = violations.stream().filter(Browser.Violation::blocking).toList();
        assertTrue(blocking.isEmpty(), () -> "Serious accessibility violations:\n" + blocking);
    }

    private Page newPage(int width, int height) {
        var context = browser.newContext("http://localhost:" + port, width, height);
        contexts.add(context);
        var page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !m.text().contains("status of 410")) {
                pageErrors.add(page.url() + ": console error: " + m.text());
            }
        });
        page.onPageError(e -> pageErrors.add(page.url() + ": script error: " + e));
        page.onResponse(r -> {
            // the "already submitted" page answers 410 on purpose
            if (r.status() >= 400 && r.status() != 410) {
                pageErrors.add(page.url() + ": HTTP " + r.status() + " for " + r.url());
            }
        });
        return page;
    }

    private record DemoPatient(UUID id, String email, String family) {}

    /** A demo patient without scores yet (the measures and outcomes demos give most of them histories). */
    private DemoPatient freshPatient(int offset) {
        return jdbc.sql("""
                SELECT id, email, legal_family_name FROM patient p WHERE email LIKE '%@example.test' AND account_id IS NULL
                AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.patient_id = p.id)
                ORDER BY mrn DESC LIMIT 1 OFFSET :o""").param("o", offset)
                .query((rs, n) -> new DemoPatient(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .single();
    }

    private String linkEmailedTo(String email) {
        var body = jdbc.sql("SELECT body FROM email_outbox WHERE to_address = :to ORDER BY created_at DESC LIMIT 1")
                .param("to", email).query(String.class).single();
        var matcher = LINK.matcher(body);
        assertTrue(matcher.find(), "The email carries a questionnaire link:\n" + body);
        assertTrue(!body.contains("PHQ") && !body.contains("depress"), "The email carries no clinical detail:\n" + body);
        return "/q/" + matcher.group(1);
    }

    private static Locator answer(Page page, String item, String label) {
        return page.locator("#q-" + item).getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aPatientAnswersAPhq9LinkOnAPhoneSeesCrisisResourcesAndTheAlertReachesTheInbox() {
        var patient = freshPatient(0);

        var clinician = newPage(1280, 900);
        Browser.signIn(clinician, PRESCRIBER);
        clinician.navigate("/patients/" + patient.id() + "/measures");
        clinician.getByLabel("Questionnaire").first().selectOption("phq9");
        button(clinician, "Send link").click();
        assertThat(clinician.getByRole(AriaRole.STATUS)).containsText("Sent PHQ-9 to " + patient.email());
        Browser.screenshot(clinician, "measures-link-sent");
        var link = linkEmailedTo(patient.email());

        var phone = newPage(390, 844);
        phone.navigate(link);
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("PHQ-9"))).isVisible();
        assertThat(phone.locator("#crisis")).isHidden();
        violations.addAll(Browser.accessibilityViolations(phone, "questionnaire"));
        for (var item : List.of("1", "2", "3", "4", "6", "7", "8")) {
            answer(phone, item, "Several days").check();
        }
        answer(phone, "9", "More than half the days").check();
        // saved as it is given, and the positive answer brings up crisis resources at once, before any submit
        assertThat(phone.locator("#crisis")).isVisible();
        assertThat(phone.locator("#crisis")).containsText("988");
        assertThat(phone.locator("#crisis")).containsText("not monitored around the clock");
        assertThat(phone.locator("#save-status")).containsText("8 answers");
        Browser.screenshot(phone, "questionnaire-phone-crisis");

        button(phone, "Submit").click();
        assertThat(phone.locator("#e-5")).hasText("Please answer this question.");
        assertThat(answer(phone, "9", "More than half the days")).isChecked();
        assertThat(answer(phone, "1", "Several days")).isChecked();
        assertThat(phone.locator("#crisis")).isVisible();
        var width = (Number) phone.evaluate("document.documentElement.scrollWidth");
        assertTrue(width.intValue() <= 390, "The questionnaire is " + width + " px wide on a 390 px phone");
        Browser.screenshot(phone, "questionnaire-phone-missing-item");

        answer(phone, "5", "Not at all").check();
        button(phone, "Submit").click();
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thank you"))).isVisible();
        assertThat(phone.locator("#crisis")).isVisible();
        violations.addAll(Browser.accessibilityViolations(phone, "questionnaire done"));
        Browser.screenshot(phone, "questionnaire-phone-done");

        phone.navigate(link);
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Already submitted"))).isVisible();

        clinician.navigate("/safety");
        var row = clinician.locator("#open-alerts tr", new Page.LocatorOptions().setHasText(patient.family()));
        assertThat(row).containsText("PHQ-9: item 9 answered 2");
        assertThat(row).containsText("Same business day");
        Browser.screenshot(clinician, "safety-inbox");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open")).click();
        button(clinician, "Acknowledge").click();
        assertThat(clinician.locator("#action-error")).hasText("Choose what you did.");
        clinician.getByLabel("Called the patient").check();
        clinician.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Spoke with the patient; safe tonight, reviewed the plan, seen tomorrow.");
        Browser.screenshot(clinician, "safety-alert");
        button(clinician, "Acknowledge").click();
        assertThat(clinician.getByRole(AriaRole.STATUS)).containsText("Alert acknowledged: Called the patient.");
        assertThat(clinician.locator("#open-alerts")).not().containsText(patient.family());

        clinician.navigate("/patients/" + patient.id() + "/measures/phq9");
        assertThat(clinician.locator("#trajectory-table tbody tr")).hasCount(1);
        assertThat(clinician.locator("#trajectory-table")).containsText("suicidal-ideation");
        assertThat(clinician.locator("#trajectory-status")).hasText("Baseline only");
        assertTrue((Boolean) clinician.evaluate("() => !!Chart.getChart('trajectory-chart')"),
                "Chart.js drew the trajectory");
        Browser.screenshot(clinician, "trajectory-phq9");
    }

    @Test
    void theTrajectoryOfADemoPatientShowsResponseAgainstItsBaseline() {
        var clinician = newPage(1280, 900);
        Browser.signIn(clinician, THERAPIST);
        var pat = jdbc.sql("SELECT id FROM patient WHERE email = 'patient@demo.kapclinic.test'").query(UUID.class).single();
        clinician.navigate("/patients/" + pat + "/measures");
        assertThat(clinician.locator("table").first()).containsText("PHQ-9");
        Browser.screenshot(clinician, "measures-overview");
        clinician.navigate("/patients/" + pat + "/measures/phq9");
        assertThat(clinician.locator("#trajectory-table tbody tr")).hasCount(9);
        assertThat(clinician.locator("#trajectory-status")).hasText(Pattern.compile("Response|Remission"));
        Browser.screenshot(clinician, "trajectory-demo-phq9");
    }

    @Test
    void kioskModeShowsOnlyTheQuestionnaireAndLeavingItNeedsAStaffSignIn() {
        var patient = freshPatient(1);
        var tablet = newPage(1024, 768);
        Browser.signIn(tablet, THERAPIST);
        tablet.navigate("/patients/" + patient.id() + "/measures");
        tablet.getByLabel("Questionnaire").nth(1).selectOption("gad7");
        button(tablet, "Start kiosk").click();
        assertThat(tablet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("GAD-7"))).isVisible();
        assertThat(tablet.locator(".kiosk-banner")).containsText("Clinic tablet");
        assertThat(tablet.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))).hasCount(0);
        Browser.screenshot(tablet, "kiosk-gad7");

        tablet.navigate("/patients/" + patient.id());
        tablet.waitForURL(url -> url.contains("/login"));
        assertThat(tablet.getByLabel("Email")).isVisible();
    }

    @Test
    void thePortalListsTheQuestionnaireDueAndOpensIt() {
        var page = newPage(390, 844);
        Browser.signIn(page, "patient@demo.kapclinic.test");
        page.navigate("/portal/questionnaires");
        var start = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("(Start|Continue) PHQ-9")));
        assertThat(start).isVisible();
        violations.addAll(Browser.accessibilityViolations(page, "portal questionnaires"));
        Browser.screenshot(page, "portal-questionnaires");
        start.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("PHQ-9"))).isVisible();
        answer(page, "1", "Not at all").check();
        assertThat(page.locator("#save-status")).containsText("1 answer");
        violations.addAll(Browser.accessibilityViolations(page, "portal questionnaire"));
    }

    @Test
    void aClinicianWritesTheSafetyPlanAndThePatientReadsItInThePortal() {
        var pat = jdbc.sql("SELECT id FROM patient WHERE email = 'patient@demo.kapclinic.test'").query(UUID.class).single();
        var clinician = newPage(1280, 900);
        Browser.signIn(clinician, THERAPIST);
        clinician.navigate("/patients/" + pat + "/safety-plan");
        assertThat(clinician.getByLabel("5. Professionals and agencies to contact in a crisis")).containsText("988");
        button(clinician, "Save the plan").click();
        assertThat(clinician.locator("#warningSigns-error")).hasText("Write at least one step with the patient.");
        clinician.getByLabel("1. Warning signs").fill("Not sleeping\nCancelling plans with friends");
        clinician.getByLabel("7. Reasons for living").fill("My niece");
        button(clinician, "Save the plan").click();
        assertThat(clinician.getByRole(AriaRole.STATUS)).containsText("Safety plan saved as version 1");
        Browser.screenshot(clinician, "safety-plan-staff");

        var phone = newPage(390, 844);
        Browser.signIn(phone, "patient@demo.kapclinic.test");
        phone.navigate("/portal/safety-plan");
        assertThat(phone.locator(".plan-steps")).containsText("Cancelling plans with friends");
        assertThat(phone.locator(".plan-steps")).containsText("My niece");
        violations.addAll(Browser.accessibilityViolations(phone, "portal safety plan"));
        Browser.screenshot(phone, "safety-plan-portal");
    }

    @Test
    void thePatientSeesTheirOwnProgressWithAChartAndATable() {
        var phone = newPage(390, 844);
        Browser.signIn(phone, "patient@demo.kapclinic.test");
        phone.navigate("/portal/progress");
        var phq9 = phone.locator("article", new Page.LocatorOptions().setHasText("PHQ-9"));
        assertThat(phq9.locator("tbody tr")).hasCount(9);
        assertThat(phq9).containsText("Started at");
        assertTrue((Boolean) phone.evaluate("() => document.querySelectorAll('canvas[data-chart]').length > 0"
                + " && !!Chart.getChart(document.querySelector('canvas[data-chart]'))"), "Chart.js drew the progress chart");
        violations.addAll(Browser.accessibilityViolations(phone, "portal progress"));
        Browser.screenshot(phone, "portal-progress");
    }
}
