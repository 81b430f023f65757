// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kapclinic.TestDatabases;
import org.kapclinic.calendar.ClinicCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The patient writes a reflection before tomorrow's dosing session on a phone: an empty one comes back with a message
 * by the field, words of risk bring the crisis resources at once; the demo therapist sees their overdue integration and
 * the patient's reflection. Every page is scanned with axe-core.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.class)
@ActiveProfiles("demo")
class ReflectionBrowserTests extends BrowserFlowTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicCalendar calendar;

    @Test
    void aPatientReflectsBeforeADoseAndTheTherapistSeesItBesideTheirIntegrationList() {
        var pat = jdbc.sql("SELECT id FROM patient WHERE email = 'patient@demo.kapclinic.test'").query(UUID.class).single();
        var location = jdbc.sql("SELECT id FROM clinic_location WHERE name = 'Camelback (demo)'").query(UUID.class).single();
        var zone = calendar.zone();
        var start = OffsetDateTime.ofInstant(LocalDate.now(zone).plusDays(1).atTime(9, 0).atZone(zone).toInstant(),
                ZoneOffset.UTC);
        var appointment = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO appointment (id, patient_id, type, label, modality, location_id, starts_at, ends_at, dose_at,
                    status, created_at, created_by, updated_at, updated_by, version)
                VALUES (:id, :p, 'DOSING', 'Dosing session', 'IV_KETAMINE', :l, :s, :e, :s, 'BOOKED', :s, 'browser', :s,
                    'browser', 0)""")
                .param("id", appointment).param("p", pat).param("l", location).param("s", start)
                .param("e", start.plusHours(2)).update();
        try {
            reflectAndReview(pat, appointment);
        } finally {
            // the demo clinic is shared by every browser test class: leave Pat Portalson's appointments as they were
            jdbc.sql("DELETE FROM reflection WHERE appointment_id = :a").param("a", appointment).update();
            jdbc.sql("DELETE FROM appointment WHERE id = :a").param("a", appointment).update();
        }
    }

    private void reflectAndReview(UUID pat, UUID appointment) {

        var phone = newPage(390, 844);
        Browser.signIn(phone, "patient@demo.kapclinic.test");
        phone.navigate("/portal/reflections");
        var card = phone.locator("#appointment-" + appointment);
        assertThat(card.getByLabel("What would you like to bring into the session?")).isVisible();
        scan(phone, "portal reflections");
        card.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Save my reflection")).click();
        assertThat(phone.locator("#appointment-" + appointment + " .field-error").first())
                .containsText("Write a few words");
        scan(phone, "portal reflections refused");
        phone.locator("#appointment-" + appointment).getByLabel("Your reflection")
                .fill("Honestly I have been thinking about killing myself this week.");
        phone.locator("#appointment-" + appointment).getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save my reflection")).click();
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Please reach out for help now")))
                .isVisible();
        assertThat(phone.locator(".crisis-urgent")).containsText("741741");
        scan(phone, "portal reflections crisis");
        Browser.screenshot(phone, "portal-reflection-crisis");

        var tablet = newPage(1180, 820);
        Browser.signIn(tablet, "therapist1@demo.kapclinic.test");
        tablet.navigate("/therapy/integrations");
        assertThat(tablet.locator("#integration-items")).containsText("Overdue");
        assertThat(tablet.locator("#on-time-rate")).containsText("On time");
        scan(tablet, "integration list");
        tablet.navigate("/patients/" + pat + "/reflections");
        assertThat(tablet.locator("#patient-reflections")).containsText("killing myself");
        assertThat(tablet.locator("#patient-reflections")).containsText("Positive (alert raised)");
        scan(tablet, "patient reflections");
    }
}
