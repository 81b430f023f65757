// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kapclinic.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The clinic in a real browser (headless Debian Chromium via Playwright) against the demo clinic: sign-in for every
 * role, patient registration with field errors, search, the admin pages, keyboard order, axe-core accessibility scans
 * and a phone-width layout check. Screenshots of the main pages go to target/screenshots.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.class)
@ActiveProfiles("demo")
class ClinicBrowserTests {

    private static final String ADMIN = "admin@demo.kapclinic.test";
    private static final String INTAKE = "intake@demo.kapclinic.test";
    private static final String PATIENT = "patient@demo.kapclinic.test";
    private static final Pattern MRN = Pattern.compile("KC\\d+");
    private static final List<String> DEMO_SIGN_INS = List.of(ADMIN, INTAKE, "therapist1@demo.kapclinic.test",
            "therapist2@demo.kapclinic.test", "therapist3@demo.kapclinic.test", "therapist4@demo.kapclinic.test",
            "nurse@demo.kapclinic.test", "prescriber@demo.kapclinic.test", PATIENT);

    private static Browser browser;

    @LocalServerPort
    int port;

    private BrowserContext context;
    /** Console errors (e.g. a style blocked by the CSP), uncaught script errors and failed requests on any page. */
    private final List<String> pageErrors = new ArrayList<>();

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

    @BeforeEach
    void openContext() {
        context = newContext(1280, 900);
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertTrue(pageErrors.isEmpty(), () -> "The browser reported errors:\n" + String.join("\n", pageErrors));
    }

    private BrowserContext newContext(int width, int height) {
        var created = browser.newContext("http://localhost:" + port, width, height);
        created.onPage(page -> {
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    pageErrors.add(page.url() + ": console error: " + m.text());
                }
            });
            page.onPageError(e -> pageErrors.add(page.url() + ": script error: " + e));
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    pageErrors.add(page.url() + ": HTTP " + r.status() + " for " + r.url());
                }
            });
        });
        return created;
    }

    private Page signedIn(String email) {
        var page = context.newPage();
        Browser.signIn(page, email);
        return page;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator mainNav(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
    }

    private static Locator navLink(Page page, String name) {
        return mainNav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    // --- 1. Sign in as each role --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} signs in to the home page and out again")
    @CsvSource(delimiter = '|', textBlock = """
            admin@demo.kapclinic.test      | Avery Adminson (demo)          | Admin              | true
            intake@demo.kapclinic.test     | Ingrid Intakewell (demo)       | Intake coordinator | false
            therapist1@demo.kapclinic.test | Theo Testwood, LMFT (demo)     | Therapist          | false
            nurse@demo.kapclinic.test      | Nina Nursefield, RN (demo)     | Nurse              | false
            prescriber@demo.kapclinic.test | Priya Prescott-Demo, MD (demo) | Prescriber         | false
            """)
    void staffSignInLandsOnHomeAndSignsOut(String email, String name, String role, boolean admin) {
        var page = signedIn(email);

        assertThat(page).hasURL("http://localhost:" + port + "/");
        assertThat(page).hasTitle("Home · KAP Clinic");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Welcome, " + name);
        assertThat(page.getByText("Signed in as " + role + ".")).isVisible();
        assertThat(page.locator("header .who")).hasText(name);
        page.waitForFunction("() => typeof htmx === 'object'"); // the htmx webjar loads, and the CSP lets it run
        if (admin) {
            assertThat(navLink(page, "Users")).isVisible();
            assertThat(navLink(page, "Patients")).hasCount(0);
        } else {
            assertThat(navLink(page, "Patients")).isVisible();
            assertThat(navLink(page, "Users")).hasCount(0);
        }
        if (email.startsWith("intake")) {
            Browser.screenshot(page, "home-intake");
        }

        Browser.signOut(page);
        page.navigate("/");
        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
    }

    @Test
    void patientSignInLandsOnPortalWithCrisisResourcesAndSignsOut() {
        var page = signedIn(PATIENT);

        assertThat(page).hasURL(Pattern.compile("/portal$"));
        assertThat(page).hasTitle("My record · KAP Clinic");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(Pattern.compile("^Hello, \\S"));
        assertThat(page.locator("dl.facts")).containsText("Record number");
        assertThat(page.locator("dl.facts dd").nth(2)).hasText(MRN);
        var crisis = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Crisis resources"));
        assertThat(crisis).isVisible();
        assertThat(crisis).containsText("988");
        assertThat(crisis).containsText("911");
        assertThat(crisis).containsText("741741");
        assertThat(navLink(page, "My record")).isVisible();
        assertThat(navLink(page, "Patients")).hasCount(0);
        Browser.screenshot(page, "portal-home");

        Browser.signOut(page);
        page.navigate("/portal");
        assertThat(page).hasURL(Pattern.compile("/login$"));
    }

    // --- 2. Wrong password ----------------------------------------------------------------------------------------

    @Test
    void wrongPasswordShowsErrorByTheFormAndKeepsTheEmail() {
        var page = context.newPage();
        page.navigate("/login");
        page.getByLabel("Email").fill("nurse@demo.kapclinic.test");
        page.getByLabel("Password").fill("not-the-password");
        button(page, "Sign in").click();

        assertThat(page).hasURL(Pattern.compile("/login\\?error$"));
        var error = page.getByRole(AriaRole.ALERT);
        assertThat(error).hasText("The email or password is not right. Check both and try again.");
        // next to the form: in the same section, right before it, and tied to the email field
        assertThat(page.locator("section:has(form) > #login-error + form")).hasCount(1);
        assertThat(page.getByLabel("Email")).hasAttribute("aria-describedby", "login-error");
        assertThat(page.getByLabel("Email")).hasValue("nurse@demo.kapclinic.test");
        assertThat(page.getByLabel("Password")).hasValue("");
        Browser.screenshot(page, "login-wrong-password");

        // the kept email is usable: the right password now signs in
        page.getByLabel("Password").fill(Browser.DEMO_PASSWORD);
        button(page, "Sign in").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Welcome, Nina Nursefield, RN (demo)");
    }

    // --- 3. Register, search and open a patient -------------------------------------------------------------------

    @Test
    void intakeRegistersFixesErrorsSearchesAndOpensPatient() {
        var page = signedIn(INTAKE);
        navLink(page, "New patient").click();
        assertThat(page).hasURL(Pattern.compile("/patients/new$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Register a patient");

        var future = LocalDate.now().plusYears(1).toString();
        page.getByLabel("Legal first name").fill("Wilhelmina");
        page.getByLabel("Legal last name").fill("");
        page.getByLabel("Pronouns (optional)").fill("she/her");
        page.getByLabel("Date of birth").fill(future);
        page.getByLabel("Sex assigned at birth").selectOption("FEMALE");
        page.locator("#phone").fill("555-010-0123");
        page.locator("#email").fill("wilhelmina@example.org");
        page.getByLabel("Street address").fill("12 Sample Lane");
        page.getByLabel("City").fill("Albany");
        page.getByLabel("State").selectOption("NY");
        page.getByLabel("ZIP code").fill("12");
        page.locator("#emergencyContactName").fill("Otto Browserton");
        button(page, "Register patient").click();

        // still on the form, with a summary and each error next to its own field
        assertThat(page).hasURL(Pattern.compile("/patients$"));
        assertThat(page.locator(".problem[role=alert]")).hasText("Some fields need attention. Each one says what to fix.");
        assertFieldError(page, "legalFamilyName", "Enter the legal last name.");
        assertFieldError(page, "postalCode", "Enter a ZIP code: 5 digits, or ZIP+4.");
        assertFieldError(page, "dateOfBirth", "The date of birth must be in the past.");
        assertThat(page.locator(".field-error")).hasCount(3);
        // what was typed is kept, the bad values too
        assertThat(page.getByLabel("Legal first name")).hasValue("Wilhelmina");
        assertThat(page.getByLabel("Pronouns (optional)")).hasValue("she/her");
        assertThat(page.getByLabel("Date of birth")).hasValue(future);
        assertThat(page.getByLabel("Sex assigned at birth")).hasValue("FEMALE");
        assertThat(page.locator("#phone")).hasValue("555-010-0123");
        assertThat(page.locator("#email")).hasValue("wilhelmina@example.org");
        assertThat(page.getByLabel("Street address")).hasValue("12 Sample Lane");
        assertThat(page.getByLabel("City")).hasValue("Albany");
        assertThat(page.getByLabel("State")).hasValue("NY");
        assertThat(page.getByLabel("ZIP code")).hasValue("12");
        assertThat(page.locator("#emergencyContactName")).hasValue("Otto Browserton");
        Browser.screenshot(page, "patient-form-errors");

        page.getByLabel("Legal last name").fill("Quillbrowser");
        page.getByLabel("Date of birth").fill("1985-04-12");
        page.getByLabel("ZIP code").fill("12207");
        button(page, "Register patient").click();

        assertThat(page).hasURL(Pattern.compile("/patients/[0-9a-f-]{36}\\?registered$"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Patient registered. MRN KC");
        var banner = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Patient"));
        assertThat(banner).containsText("Quillbrowser, Wilhelmina");
        assertThat(banner).containsText("(she/her)");
        var mrnCell = banner.locator("dt:text-is('MRN') + dd");
        assertThat(mrnCell).hasText(MRN);
        var mrn = mrnCell.textContent().trim();
        assertThat(banner).containsText("Apr 12, 1985");
        assertThat(page.locator("main")).containsText("Wilhelmina Quillbrowser");
        assertThat(page.locator("main")).containsText("12207");
        var recordUrl = page.url().replace("?registered", "");
        Browser.screenshot(page, "patient-detail");

        navLink(page, "Patients").click();
        page.getByLabel("Name, date of birth or MRN").fill("quillbrowser");
        button(page, "Search").click();
        assertThat(page).hasURL(Pattern.compile("/patients\\?q=quillbrowser"));
        assertThat(page.getByText(Pattern.compile("^1 record\\(s\\) found\\.$"))).isVisible();
        var rows = page.locator("table.table tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first().locator("td")).containsText(new String[] {"Quillbrowser, Wilhelmina", "1985-04-12", mrn, "Active"});
        Browser.screenshot(page, "patient-search");

        link(page, "Quillbrowser, Wilhelmina").click();
        assertThat(page).hasURL(recordUrl);
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Patient"))).containsText(mrn);
    }

    private static void assertFieldError(Page page, String field, String message) {
        var input = page.locator("#" + field);
        var error = page.locator(".field:has(#" + field + ") > #" + field + "-error");
        assertThat(error).hasText(message);
        assertThat(input).hasAttribute("aria-invalid", "true");
        assertThat(input).hasAttribute("aria-describedby", field + "-error");
        // the message is the element right after the input
        assertThat(page.locator("#" + field + " + .field-error")).hasText(message);
    }

    // --- 4. Admin pages ------------------------------------------------------------------------------------------

    @Test
    void adminSeesUsersAuditFilteredByActionAndTokens() {
        // someone opens a record first, so the audit trail has a PATIENT_VIEWED entry from this test
        var intake = signedIn(INTAKE);
        intake.navigate("/patients");
        intake.locator("table.table tbody tr a").first().click();
        assertThat(intake.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Record"))).isVisible();
        intake.close();
        context.clearCookies();

        var page = signedIn(ADMIN);
        navLink(page, "Users").click();
        assertThat(page).hasURL(Pattern.compile("/admin/users$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Users");
        var users = page.locator("table.table tbody tr");
        assertThat(users.first()).isVisible();
        var emails = users.locator("td:nth-child(2)").allTextContents();
        assertTrue(emails.containsAll(DEMO_SIGN_INS), () -> "Users lists " + emails + ", not every demo sign-in");
        assertThat(users.filter(new Locator.FilterOptions().setHasText(INTAKE)).locator("td"))
                .containsText(new String[] {"Ingrid Intakewell (demo)", INTAKE, "Intake coordinator", "Active"});
        assertThat(users.filter(new Locator.FilterOptions().setHasText(PATIENT))).containsText("Patient");
        Browser.screenshot(page, "admin-users");

        navLink(page, "Audit").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Audit trail");
        page.getByLabel("Action").fill("PATIENT_VIEWED");
        button(page, "Filter").click();
        assertThat(page).hasURL(Pattern.compile("/admin/audit\\?.*action=PATIENT_VIEWED"));
        assertThat(page.getByLabel("Action")).hasValue("PATIENT_VIEWED");
        var entries = page.locator("table.table tbody tr");
        assertThat(entries.first()).containsText(INTAKE);
        var actions = entries.locator("td:nth-child(5)").allTextContents();
        assertTrue(!actions.isEmpty() && actions.stream().allMatch("PATIENT_VIEWED"::equals),
                () -> "Every row is a PATIENT_VIEWED entry, but the Action column has " + actions);
        assertThat(page.getByText(Pattern.compile("^Matching entries: " + actions.size() + "\\. Times are UTC\\.$"))).isVisible();
        Browser.screenshot(page, "admin-audit");

        // a token issued from a user's page shows once, then is listed on the tokens page
        // (only to an account with two-step sign-in, ADR 026: the demo prescriber)
        page.navigate("/admin/users");
        link(page, "Priya Prescott-Demo, MD (demo)").click();
        page.getByLabel("Token name").fill("browser-test export");
        button(page, "Issue token").click();
        assertThat(page.locator("body")).containsText("kap_");
        navLink(page, "API tokens").click();
        assertThat(page).hasURL(Pattern.compile("/admin/tokens$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("API tokens");
        var token = page.locator("table.table tbody tr").filter(new Locator.FilterOptions().setHasText("browser-test export"));
        assertThat(token.locator("td")).containsText(new String[] {"browser-test export", "prescriber@demo.kapclinic.test", "kap_"});
        assertThat(button(page, "Revoke token browser-test export")).isVisible();
        Browser.screenshot(page, "admin-tokens");
    }

    // --- 5. Keyboard ---------------------------------------------------------------------------------------------

    @Test
    void tabMovesThroughTheLoginFormInOrderAndEnterSignsIn() {
        var page = context.newPage();
        page.navigate("/login");
        var visited = new ArrayList<String>();
        for (int i = 0; i < 6 && !"email".equals(focused(page)); i++) {
            page.keyboard().press("Tab");
            visited.add(focused(page));
        }
        assertEquals("email", focused(page), () -> "Tab never reached the email field; focus went " + visited);
        assertEquals(List.of("a.skip-link", "a.brand", "a.header-link", "email"), visited, "Tab order before the email field");
        page.keyboard().type(INTAKE);
        page.keyboard().press("Tab");
        assertEquals("password", focused(page));
        page.keyboard().type(Browser.DEMO_PASSWORD);
        page.keyboard().press("Tab");
        assertEquals("button:Sign in", focused(page));
        assertThat(page.locator(":focus")).hasText("Sign in");

        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Welcome, Ingrid Intakewell (demo)");
    }

    /** The focused element: its id, else tag and class, else "button:" and its text. */
    private static String focused(Page page) {
        return (String) page.evaluate("""
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return 'body';
                  if (e.id) return e.id;
                  if (e.tagName === 'BUTTON') return 'button:' + e.textContent.trim();
                  return e.tagName.toLowerCase() + (e.className ? '.' + e.className : '');
                }""");
    }

    // --- 6. Accessibility ----------------------------------------------------------------------------------------

    @Test
    void mainPagesHaveNoSeriousOrCriticalAccessibilityViolations() {
        var violations = new ArrayList<Browser.Violation>();

        var page = context.newPage();
        page.navigate("/login");
        violations.addAll(Browser.accessibilityViolations(page, "login"));
        Browser.screenshot(page, "login");

        Browser.signIn(page, INTAKE);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Welcome");
        violations.addAll(Browser.accessibilityViolations(page, "home"));

        page.navigate("/patients");
        assertThat(page.locator("table.table tbody tr").first()).isVisible();
        violations.addAll(Browser.accessibilityViolations(page, "patient list"));
        Browser.screenshot(page, "patient-list");

        page.navigate("/patients/new");
        button(page, "Register patient").click();
        assertThat(page.locator(".field-error").first()).isVisible();
        violations.addAll(Browser.accessibilityViolations(page, "patient form with errors"));
        Browser.screenshot(page, "patient-form-empty-submit");

        page.navigate("/patients");
        page.locator("table.table tbody tr a").first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Record"))).isVisible();
        violations.addAll(Browser.accessibilityViolations(page, "patient detail"));
        Browser.signOut(page);

        Browser.signIn(page, PATIENT);
        assertThat(page).hasURL(Pattern.compile("/portal$"));
        violations.addAll(Browser.accessibilityViolations(page, "portal home"));
        Browser.signOut(page);

        Browser.signIn(page, ADMIN);
        page.navigate("/admin/users");
        assertThat(page.locator("table.table tbody tr").first()).containsText("@demo.kapclinic.test");
        violations.addAll(Browser.accessibilityViolations(page, "admin users"));
        page.navigate("/admin/audit");
        assertThat(page.locator("table.table tbody tr").first()).isVisible();
        violations.addAll(Browser.accessibilityViolations(page, "audit report"));

        var all = violations.stream().map(Browser.Violation::toString).collect(Collectors.joining("\n"));
        if (!violations.isEmpty()) {
            System.out.println("axe-core violations (all impacts):\n" + all);
        }
        assertTrue(violations.stream().noneMatch(Browser.Violation::blocking),
                () -> "axe-core found serious or critical WCAG 2 A/AA violations. All violations:\n" + all);
    }

    /** The scan above would pass vacuously if axe-core never ran; an unlabelled field must be reported as critical. */
    @Test
    void accessibilityScanReportsAnUnlabelledField() {
        var page = context.newPage();
        page.navigate("/login");
        page.evaluate("() => document.querySelector('form').append(document.createElement('input'))");
        var violations = Browser.accessibilityViolations(page, "login with an unlabelled field");
        assertTrue(violations.stream().anyMatch(v -> v.blocking() && v.text().contains("] label: ")),
                () -> "axe-core did not report the unlabelled field as serious or critical: " + violations);
    }

    // --- 7. Phone width ------------------------------------------------------------------------------------------

    @Test
    void patientFormAndRecordFitAPhoneScreen() {
        context.close();
        context = newContext(390, 844);
        var page = signedIn(INTAKE);
        page.navigate("/patients/new");
        button(page, "Register patient").click();
        assertThat(page.locator(".field-error").first()).isVisible();
        Browser.screenshot(page, "patient-form-phone");
        var formWidth = pageWidth(page);
        assertTrue(formWidth <= 390, "The patient form with its errors is " + formWidth + " px wide on a 390 px screen");
        var submit = button(page, "Register patient").boundingBox();
        assertTrue(submit.x >= 0 && submit.x + submit.width <= 390, "The submit button is off screen at x=" + submit.x);

        // fixed on the phone, the form saves; the record, with a long email, fits as well
        page.getByLabel("Legal first name").fill("Maximiliana");
        page.getByLabel("Legal last name").fill("Phonewidth-Browserton");
        page.getByLabel("Date of birth").fill("1990-02-03");
        page.getByLabel("Sex assigned at birth").selectOption("FEMALE");
        page.locator("#email").fill("maximiliana.phonewidth-browserton@example.org");
        button(page, "Register patient").click();
        assertThat(page).hasURL(Pattern.compile("/patients/[0-9a-f-]{36}\\?registered$"));
        assertThat(page.locator("main")).containsText("maximiliana.phonewidth-browserton@example.org");
        Browser.screenshot(page, "patient-detail-phone");
        var recordWidth = pageWidth(page);
        assertTrue(recordWidth <= 390, "The patient record is " + recordWidth + " px wide on a 390 px screen");
    }

    // --- 8. The front door: an inquiry on a phone, then a coordinator matches and assigns ---------------------

    @Test
    void aPersonSendsAnInquiryFromAPhoneAndACoordinatorAssignsATherapist() {
        context.close();
        context = newContext(390, 844);
        var phone = context.newPage();
        phone.navigate("/inquiry");
        assertThat(phone).hasTitle("Contact us · KAP Clinic");
        assertThat(phone.locator(".crisis-box")).containsText("988");
        // first try without consent: the error shows by the box and the typed text stays
        phone.getByLabel("First name *").fill("Phoebe");
        phone.getByLabel("Last name *").fill("Phonebrowserson");
        phone.getByLabel("Date of birth *").fill("1988-05-06");
        phone.getByLabel("US state where you live *").selectOption("AZ");
        phone.locator("#email").fill("phoebe.phonebrowserson@example.test");
        phone.getByLabel("Treatment-resistant depression").check();
        phone.getByLabel("Anything you would like us to know").fill("Three medicines have not helped. Evenings suit me.");
        phone.getByLabel("Treatment you are interested in").selectOption("kap");
        phone.getByLabel("Insurance carrier").fill("Aetna");
        phone.locator("#slot-TUE-evening").check();
        phone.locator("#slot-THU-evening").check();
        button(phone, "Send my message").click();
        assertThat(phone.locator(".field-error")).containsText("Tick the box to let us contact you");
        assertThat(phone.getByLabel("Anything you would like us to know")).hasValue("Three medicines have not helped. Evenings suit me.");
        assertThat(phone.locator("#slot-TUE-evening")).isChecked();
        var formWidth = pageWidth(phone);
        assertTrue(formWidth <= 390, "The inquiry form is " + formWidth + " px wide on a 390 px screen");
        Browser.screenshot(phone, "inquiry-form-phone");
        var violations = new ArrayList<Browser.Violation>(Browser.accessibilityViolations(phone, "inquiry form with errors"));

        phone.getByLabel("I agree that the clinic may contact me about this message *").check();
        button(phone, "Send my message").click();
        assertThat(phone).hasURL(Pattern.compile("/inquiry/received$"));
        var reference = phone.locator(".reference").textContent();
        assertTrue(reference.matches("INQ-[0-9A-Z]{6}"), "reference " + reference);
        assertThat(phone.locator("main")).containsText("We will contact you by");
        assertThat(phone.locator(".crisis-box")).containsText("741741");
        Browser.screenshot(phone, "inquiry-received-phone");
        violations.addAll(Browser.accessibilityViolations(phone, "inquiry received"));

        context.close();
        context = newContext(1280, 900);
        var desk = signedIn(INTAKE);
        navLink(desk, "Intake").click();
        assertThat(desk.locator("table")).containsText(reference);
        Browser.screenshot(desk, "intake-queue");
        violations.addAll(Browser.accessibilityViolations(desk, "intake queue"));
        link(desk, reference).click();
        assertThat(desk.locator("h1")).containsText("Phoebe Phonebrowserson");
        link(desk, "Match a therapist").click();
        var first = desk.locator(".match-list > li").first();
        assertThat(first).containsText("licensed in AZ");
        assertThat(first).containsText("in network: Aetna");
        assertThat(first.locator(".score")).hasText(Pattern.compile("^\\d{1,3}$"));
        Browser.screenshot(desk, "inquiry-matches");
        violations.addAll(Browser.accessibilityViolations(desk, "inquiry matches"));
        var therapist = first.locator("h2").textContent().replaceFirst("^1\\. ", "").replaceFirst("\\s*\\d+/100$", "").strip();
        first.getByRole(AriaRole.BUTTON).click();
        assertThat(desk).hasURL(Pattern.compile("/patients/[0-9a-f-]{36}$"));
        assertThat(desk.locator(".notice")).containsText("Assigned");
        assertThat(desk.locator("main")).containsText("Phonebrowserson");
        assertThat(desk.locator("main")).containsText(therapist);
        Browser.screenshot(desk, "patient-from-inquiry");
        assertTrue(violations.stream().noneMatch(Browser.Violation::blocking), () -> "Accessibility: " + violations);
    }

    @Test
    void triageInquiryCalendarAndProfileScreensPassTheAccessibilityScan() {
        var violations = new ArrayList<Browser.Violation>();
        var nurse = signedIn("nurse@demo.kapclinic.test");
        navLink(nurse, "Triage").click();
        assertThat(nurse.locator("h1")).hasText("Clinical triage");
        assertThat(nurse.locator("table")).containsText("URGENT");
        Browser.screenshot(nurse, "triage-list");
        violations.addAll(Browser.accessibilityViolations(nurse, "triage list"));
        nurse.locator("table a").first().click();
        assertThat(nurse.locator("#triage")).containsText("Clinical triage");
        Browser.screenshot(nurse, "inquiry-detail-nurse");
        violations.addAll(Browser.accessibilityViolations(nurse, "inquiry detail"));
        Browser.signOut(nurse);

        var therapist = signedIn("therapist2@demo.kapclinic.test");
        navLink(therapist, "My profile").click();
        assertThat(therapist.getByLabel("Licensed in (US states)")).hasValue("AZ");
        Browser.screenshot(therapist, "therapist-profile");
        violations.addAll(Browser.accessibilityViolations(therapist, "therapist profile"));
        Browser.signOut(therapist);

        var admin = signedIn(ADMIN);
        navLink(admin, "Calendar").click();
        assertThat(admin.locator("main")).containsText("Thanksgiving Day (federal)");
        Browser.screenshot(admin, "admin-calendar");
        violations.addAll(Browser.accessibilityViolations(admin, "admin calendar"));
        navLink(admin, "Matching").click();
        violations.addAll(Browser.accessibilityViolations(admin, "admin matching"));
        navLink(admin, "Intake settings").click();
        violations.addAll(Browser.accessibilityViolations(admin, "admin intake"));
        assertTrue(violations.stream().noneMatch(Browser.Violation::blocking), () -> "Accessibility: " + violations);
    }

    private static int pageWidth(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }
}
