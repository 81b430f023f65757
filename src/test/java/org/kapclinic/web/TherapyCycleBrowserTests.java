// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kapclinic.TestClock;
import org.kapclinic.TestDatabases;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.dosing.AdministrationForm;
import org.kapclinic.dosing.Administrations;
import org.kapclinic.dosing.CheckForm;
import org.kapclinic.dosing.DischargeCriterion;
import org.kapclinic.dosing.Discharges;
import org.kapclinic.dosing.Dissociation;
import org.kapclinic.dosing.DosingFixture;
import org.kapclinic.dosing.Monitoring;
import org.kapclinic.dosing.Route;
import org.kapclinic.dosing.Vitals;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.Patients;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole therapy cycle around one dosing session, as the therapist and the patient see it: the therapist writes
 * and signs a preparation note for the preparation session (a refused signature names the missing section and keeps
 * the text), the patient accepts their portal invitation and reflects before and after the session on a phone, the
 * nurse's session runs to discharge through the services, and the next day the therapist starts the integration note
 * from the integration-due list, reads the reflections beside it, signs it, sees the item done on time and finds the
 * whole cycle on the care timeline. The test clock stands in for the days between.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.class)
@ActiveProfiles("demo")
class TherapyCycleBrowserTests extends BrowserFlowTest {

    private static final String PATIENT_PASSWORD = "a synthetic walk by the river 2026";
    private static final String BEFORE = "I hope to feel less stuck, and I am a little nervous about the nausea.";
    private static final String AFTER = "It felt like floating above a quiet lake; afterwards I cried, then felt light.";

    @Autowired
    ApplicationContext context;

    @Autowired
    ClinicCalendar calendar;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void aTherapistRunsTheWholePrepareDoseIntegrateCycle() {
        var zone = calendar.zone();
        var team = new AtomicReference<CareTeamFixture>();
        var preparation = new AtomicReference<Appointment>();
        var phone = new AtomicReference<Page>();
        // the week before the dosing day: a preparation session is booked, held and written up, and the patient
        // accepts their portal invitation
        var f = DosingFixture.open(context, Modality.IV_KETAMINE, 20, t -> {
            team.set(t);
            var prepDay = PlanFixtures.businessDayAfter(context, 2);
            preparation.set(bookPreparation(t, prepDay));
            TestClock.INSTANCE.pin(prepDay.atTime(9, 30).atZone(zone).toInstant());
            phone.set(acceptInvitation(t));
            TestClock.INSTANCE.pin(prepDay.atTime(11, 15).atZone(zone).toInstant());
            writePreparationNote(t, preparation.get());
        });
        var patient = f.patient().value();

        // the dosing day, 08:45, in the waiting room: the patient writes what they hope for before the session
        var mobile = phone.get();
        mobile.navigate("/portal/reflections");
        var card = mobile.locator("#appointment-" + f.appointment().id());
        card.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Before the session")).check();
        card.getByLabel("Your reflection").fill(BEFORE);
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save my reflection")).click();
        assertThat(mobile.getByRole(AriaRole.STATUS)).containsText("your reflection is saved");
        assertThat(mobile.locator("#appointment-" + f.appointment().id())).containsText(BEFORE);

        // the session: IV ketamine 0.5 mg/kg over 40 minutes, checks, discharge after the hour of observation
        runSessionToDischarge(f.cleared(context));

        // later that day, at home, on the phone: how it went
        TestClock.INSTANCE.advance(Duration.ofHours(3));
        mobile.navigate("/portal/reflections");
        card = mobile.locator("#appointment-" + f.appointment().id());
        card.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("After the session")).check();
        card.getByLabel("Your reflection").fill(AFTER);
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save my reflection")).click();
        assertThat(mobile.getByRole(AriaRole.STATUS)).containsText("your reflection is saved");
        card = mobile.locator("#appointment-" + f.appointment().id());
        assertThat(card.locator("li", new Locator.LocatorOptions().setHasText(AFTER))).containsText("After the session");
        assertThat(card).containsText(BEFORE);
        Browser.screenshot(mobile, "cycle-portal-reflections");
        scan(mobile, "portal reflections after the session");

        // the next day: the therapist's integration-due list
        TestClock.INSTANCE.pin(f.day().plusDays(1).atTime(10, 0).atZone(zone).toInstant());
        var desk = newPage(1280, 900);
        Browser.signIn(desk, f.therapist().getUsername(), TestAccounts.PASSWORD);
        desk.navigate("/therapy/integrations");
        var item = desk.locator("#integration-items tbody tr", new Page.LocatorOptions().setHasText(team.get().family()));
        assertThat(item).hasCount(1);
        assertThat(item).containsText("Due");
        scan(desk, "integration list, due");
        item.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Start integration note")).click();
        assertThat(desk.locator("#type")).hasValue("INTEGRATION");
        assertThat(desk.locator("#dosing-session-hint")).isVisible();
        scan(desk, "patient notes, integration from the list");
        button(desk, "Start note").click();
        desk.waitForURL("**/notes/*");
        assertThat(desk.locator("h1")).containsText("Integration note");
        assertThat(desk.locator("#dosingSession")).hasValue(f.session().toString());
        var reflections = desk.locator("#session-reflections");
        assertThat(reflections).containsText("Before the session");
        assertThat(reflections).containsText(BEFORE);
        assertThat(reflections).containsText("After the session");
        assertThat(reflections).containsText(AFTER);
        fill(desk, Map.of("experience", "\"Floating above a quiet lake.\" Cried afterwards, then felt light.",
                "insights", "Noticed how much effort goes into holding feelings back.",
                "emotions", "Sadness, then relief and calm that lasted into the evening.",
                "body", "Slept well; mild headache the next morning.",
                "actionSteps", "Ten minutes of journaling each morning; one walk by the river this week.",
                "followUp", "Next dosing session as planned; integration session again the day after."));
        Browser.screenshot(desk, "cycle-integration-note-draft");
        scan(desk, "integration note draft");
        button(desk, "Sign and lock").click();
        assertThat(desk.locator("#note-status")).hasText("Signed");
        assertThat(desk.locator("#draft")).hasCount(0);
        assertThat(desk.locator("#note-body")).containsText("Floating above a quiet lake.");
        assertThat(desk.locator("#session-reflections")).containsText(AFTER);
        Browser.screenshot(desk, "cycle-integration-note-signed");
        scan(desk, "integration note signed");

        desk.navigate("/therapy/integrations");
        item = desk.locator("#integration-items tbody tr", new Page.LocatorOptions().setHasText(team.get().family()));
        assertThat(item).hasCount(1);
        assertThat(item).containsText("Done on time");
        assertThat(item.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Start integration note")))
                .hasCount(0);
        scan(desk, "integration list, done");

        // the care timeline tells the cycle in order
        desk.navigate("/patients/" + patient + "/timeline");
        var entries = desk.locator(".timeline-entry");
        assertThat(entries.filter(new Locator.FilterOptions().setHasText("Preparation note signed"))).hasCount(1);
        assertThat(entries.filter(new Locator.FilterOptions().setHasText("Dosing session"))
                .filter(new Locator.FilterOptions().setHasText("Discharged"))).hasCount(1);
        assertThat(entries.filter(new Locator.FilterOptions().setHasText("Reflection, before the session")))
                .hasCount(1);
        assertThat(entries.filter(new Locator.FilterOptions().setHasText("Reflection, after the session")))
                .hasCount(1);
        assertThat(entries.filter(new Locator.FilterOptions().setHasText("Integration note signed"))).hasCount(1);
        Browser.screenshot(desk, "cycle-timeline");
        scan(desk, "care timeline");
    }

    /** A preparation session with the care team's therapist at 10:00, in a location of its own. */
    private Appointment bookPreparation(CareTeamFixture t, java.time.LocalDate day) {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var location = TestAccounts.runAs(admin, () -> context.getBean(Locations.class)
                .addLocation("0 Preparation " + UUID.randomUUID().toString().substring(0, 8), "2 Synthetic Way"));
        return TestAccounts.runAs(coordinator, () -> context.getBean(Appointments.class).book(
                new Appointments.NewAppointment(t.patient(), AppointmentType.PREPARATION, null, location, null, null,
                        t.therapist().id().value(), day, LocalTime.of(10, 0), null)));
    }

    /** The patient sets their password on the invitation link, on their phone, and signs in. */
    private Page acceptInvitation(CareTeamFixture t) {
        var invitation = TestAccounts.runAs(t.prescriber(),
                () -> context.getBean(Patients.class).invitePortalAccount(t.patient()));
        var page = newPage(390, 844);
        page.navigate(invitation.link().substring(invitation.link().indexOf("/invite/")));
        assertThat(page.locator("h1")).hasText("Set your password");
        scan(page, "set password");
        page.getByLabel("New password").fill(PATIENT_PASSWORD);
        page.getByLabel("Same password again").fill(PATIENT_PASSWORD);
        button(page, "Set password").click();
        page.waitForURL("**/login?passwordSet");
        Browser.signIn(page, invitation.email(), PATIENT_PASSWORD);
        return page;
    }

    /** The therapist writes up the preparation session from the patient's record and signs it. */
    private void writePreparationNote(CareTeamFixture t, Appointment preparation) {
        var page = newPage(1280, 900);
        Browser.signIn(page, t.therapist().getUsername(), TestAccounts.PASSWORD);
        page.navigate("/patients/" + t.patient().value());
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Notes")
                .setExact(true)).click();
        page.getByLabel("Type").selectOption("PREPARATION");
        page.getByLabel("Appointment").selectOption(preparation.id().toString());
        scan(page, "patient notes");
        button(page, "Start note").click();
        page.waitForURL("**/notes/*");
        assertThat(page.locator("h1")).containsText("Preparation note");
        assertThat(page.locator("#note-status")).hasText("Draft");
        assertThat(page.locator("#note-facts")).containsText("Preparation");
        assertThat(page.locator("#appointment")).hasValue(preparation.id().toString());
        var intentions = "To feel less stuck in low mood; to reconnect with friends.";
        page.getByLabel("Intentions (required to sign)").fill(intentions);
        page.getByLabel("Expectations and fears (required to sign)")
                .fill("Expects a dreamlike state; worried about nausea and losing control.");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Ready").setExact(true)).check();
        button(page, "Sign and lock").click();
        // refused: the missing sections are named next to their fields, and what was typed is kept
        assertThat(page.locator("#section-setAndSetting .field-error"))
                .hasText("Fill in set and setting before signing.");
        assertThat(page.locator("#section-consentReview .field-error")).containsText("before signing");
        assertThat(page.locator("#section-intentions .field-error")).hasCount(0);
        assertThat(page.getByLabel("Intentions (required to sign)")).hasValue(intentions);
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Ready").setExact(true)))
                .isChecked();
        assertThat(page.locator("#note-status")).hasText("Draft");
        scan(page, "preparation note refused");
        fill(page, Map.of("setAndSetting", "Calm at home; partner drives both ways. Eyeshade and a quiet playlist.",
                "consentReview", "Consent reviewed; dissociation, time distortion and nausea described and normalised.",
                "questions", "Can I bring a blanket? Yes."));
        Browser.screenshot(page, "cycle-preparation-note-draft");
        button(page, "Sign and lock").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Signed and locked");
        assertThat(page.locator("#note-status")).hasText("Signed");
        assertThat(page.locator("#draft")).hasCount(0);
        assertThat(page.locator("#note-body")).containsText(intentions);
        assertThat(page.locator("#note-body")).containsText("Ready");
        Browser.screenshot(page, "cycle-preparation-note-signed");
        scan(page, "preparation note signed");
    }

    private static void fill(Page page, Map<String, String> sections) {
        sections.forEach((key, text) -> page.locator("textarea#" + key).fill(text));
    }

    private void runSessionToDischarge(DosingFixture f) {
        var administrations = context.getBean(Administrations.class);
        var monitoring = context.getBean(Monitoring.class);
        TestAccounts.runAs(f.nurse(), () -> {
            administrations.prepare(f.session(), new AdministrationForm(Route.IV, null, new BigDecimal("0.5"), 40,
                    f.ketamineLot(), null, "Observer Nurse", null));
            administrations.start(f.session());
        });
        TestClock.INSTANCE.advance(Duration.ofMinutes(10));
        TestAccounts.runAs(f.nurse(), () -> monitoring.record(f.session(), check(130, 84, 74, 4)));
        TestClock.INSTANCE.advance(Duration.ofMinutes(30));
        TestAccounts.runAs(f.nurse(), () -> {
            administrations.endInfusion(f.session());
            monitoring.record(f.session(), check(124, 80, 70, 5));
        });
        TestClock.INSTANCE.advance(Duration.ofMinutes(21)); // the IV template observes 60 minutes
        TestAccounts.runAs(f.nurse(), () -> {
            monitoring.record(f.session(), check(122, 78, 68, 5));
            context.getBean(Discharges.class).discharge(f.session(), new Discharges.DischargeForm(
                    EnumSet.allOf(DischargeCriterion.class), "Partner, by car", null, null, null));
        });
    }

    private static CheckForm check(int sys, int dia, int hr, int moaas) {
        return new CheckForm(new Vitals(sys, dia, hr, 98, 14), moaas, Dissociation.NONE, Map.of(), List.of(), null,
                null);
    }
}
