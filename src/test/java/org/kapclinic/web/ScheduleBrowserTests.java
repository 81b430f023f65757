// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
 * Scheduling in a real browser: a coordinator books a dosing session, meets the refusal that names each clash, books
 * it at a time that works and sees it on the day view with transport unconfirmed; the patient confirms the ride home
 * in the portal on a phone, and the flag goes away.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.class)
@ActiveProfiles("demo")
class ScheduleBrowserTests extends BrowserFlowTest {

    private static final String COORDINATOR = "intake@demo.kapclinic.test";
    private static final String PATIENT = "patient@demo.kapclinic.test";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.kapclinic.calendar.ClinicCalendar calendar;


    @Test
    void aCoordinatorBooksADosingSessionPastItsClashesAndThePatientConfirmsTheRideHome() {
        var patient = jdbc.sql("SELECT id FROM patient WHERE email = :e").param("e", PATIENT).query(UUID.class).single();
        var camelback = jdbc.sql("SELECT id FROM clinic_location WHERE name = 'Camelback (demo)'").query(UUID.class)
                .single();
        var day = java.time.LocalDate.now(calendar.zone()).plusDays(2);
        while (!calendar.current().isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        var page = newPage(1280, 1000);
        Browser.signIn(page, COORDINATOR);
        page.navigate("/patients/" + patient + "/appointments");
        page.getByLabel("Type", new Page.GetByLabelOptions().setExact(true)).selectOption("DOSING");
        page.getByLabel("Treatment (dosing only)").selectOption("ESKETAMINE");
        // other browser tests add locations to the shared demo clinic: choose the demo's own by name
        page.getByLabel("Location", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Camelback (demo)"));
        page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill(day.toString());
        page.getByLabel("Time (for dosing: when the dose is given)").fill("07:30");
        button(page, "Book").click();
        assertThat(page.locator("#time-error")).containsText("No nurse is on shift at 07:10");
        assertThat(page.locator("#time-error")).containsText("No prescriber is on site for the whole appointment");
        assertThat(page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true))).hasValue(day.toString());
        assertThat(page.getByLabel("Treatment (dosing only)")).hasValue("ESKETAMINE");
        Browser.screenshot(page, "booking-refused");
        page.getByLabel("Time (for dosing: when the dose is given)").fill("09:00");
        button(page, "Book").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Booked: Dosing session " + day + " 08:40–11:30.");
        scan(page, "appointments");

        page.navigate("/schedule?date=" + day + "&location=" + camelback);
        var entry = page.locator("#day-grid td.slot-dosing", new Page.LocatorOptions().setHasText("Portalson"));
        assertThat(entry).containsText("transport unconfirmed");
        assertThat(page.locator("#transport-warning")).isVisible();

        var phone = newPage(390, 844);
        Browser.signIn(phone, PATIENT);
        phone.navigate("/portal/appointments");
        var card = phone.locator("#portal-appointments li", new Page.LocatorOptions().setHasText("Dosing session"));
        assertThat(card).containsText("Do not eat for 2 hours");
        scan(phone, "portal appointments");
        Browser.screenshot(phone, "portal-appointments");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("My ride home is arranged")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Thank you: your ride home is confirmed.");
        assertThat(phone.locator("#portal-appointments li", new Page.LocatorOptions().setHasText("Dosing session")))
                .containsText("Ride home confirmed");

        page.navigate("/schedule?date=" + day + "&location=" + camelback);
        assertThat(page.locator("#day-grid td.slot-dosing", new Page.LocatorOptions().setHasText("Portalson")))
                .not().containsText("transport unconfirmed");
        page.navigate("/schedule/week");
        assertThat(page.locator("#week-grid")).isVisible();
        scan(page, "week view");
        Browser.screenshot(page, "week-view");
    }

    @Test
    void anAdminSetsUpARoomAndEditsAProtocolAndAPrescriberReadsTheDoseTable() {
        var admin = newPage(1280, 1000);
        Browser.signIn(admin, "admin@demo.kapclinic.test");
        admin.navigate("/admin/locations");
        var tempe = admin.locator("article", new Page.LocatorOptions().setHasText("Tempe (demo)"));
        tempe.getByLabel("Room name").fill("Treatment room B");
        tempe.getByLabel("Chairs").fill("zero");
        tempe.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the room")).click();
        assertThat(admin.locator("article", new Page.LocatorOptions().setHasText("Tempe (demo)")).getByLabel("Chairs"))
                .hasValue("zero");
        assertThat(admin.locator(".field-error").first()).containsText("give a whole number");
        admin.locator("article", new Page.LocatorOptions().setHasText("Tempe (demo)")).getByLabel("Chairs").fill("2");
        admin.locator("article", new Page.LocatorOptions().setHasText("Tempe (demo)"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the room")).click();
        assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Room added.");
        assertThat(admin.locator("article", new Page.LocatorOptions().setHasText("Tempe (demo)")))
                .containsText("Treatment room B");
        scan(admin, "locations");
        Browser.screenshot(admin, "admin-locations");

        admin.navigate("/protocols/kap");
        var definition = admin.getByLabel("Definition");
        var original = definition.inputValue();
        definition.fill(original.replace("\"count\" : 3", "\"count\" : 0"));
        button(admin, "Save as a new version").click();
        assertThat(admin.locator("#definition-error")).containsText("count 1-100");
        definition = admin.getByLabel("Definition");
        definition.fill(original.replace("\"count\" : 3", "\"count\" : 4"));
        button(admin, "Save as a new version").click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("saved as version 2");
        scan(admin, "protocol");
        Browser.screenshot(admin, "admin-protocol");

        var prescriber = newPage(1280, 1000);
        Browser.signIn(prescriber, "prescriber@demo.kapclinic.test");
        prescriber.navigate("/eligibility/dose-floors");
        assertThat(prescriber.locator("#floor-table tr", new Page.LocatorOptions().setHasText("Sertraline")))
                .containsText("needs verification");
        var row = prescriber.locator("#floor-table tr", new Page.LocatorOptions().setHasText("Sertraline"));
        row.getByLabel("verified").check();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(prescriber.getByRole(AriaRole.STATUS)).hasText("Sertraline: 50 mg/day saved and verified.");
        scan(prescriber, "dose floors");
        Browser.screenshot(prescriber, "dose-floors");
    }
}
