// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reminder emails through a real SMTP server (GreenMail): 48 h and 24 h before, once each, with the dosing-day
 * instructions, a transport link that works without signing in, an .ics file, and no name or clinical detail.
 */
@ClinicIntegrationTest
@TestPropertySource(properties = {"kap.test.scheduling=true", "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "kap.mail.poll-interval=PT0.3S", "kap.scheduling.reminder-interval=PT1H"})
class AppointmentReminderTests {

    private static final Pattern TRANSPORT = Pattern.compile("http://[^\\s]+/t/(t[A-Za-z0-9_-]{43})");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Appointments appointments;

    @Autowired
    AppointmentReminders reminders;

    @Autowired
    Locations locations;

    @Autowired
    StaffBlocks blocks;

    @AfterEach
    void realTime() {
        TestClock.INSTANCE.reset();
    }

    private List<MimeMessage> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits (up to 15 s) for the outbox delivery job to hand {@code count} messages to the SMTP server. */
    private void waitFor(String address, int count) {
        var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (to(address).size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(to(address)).hasSize(count);
    }

    @Test
    void aDosingPatientIsRemindedTwiceWithInstructionsATransportLinkAndAnIcsFileButNoNameOrDrug() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var location = TestAccounts.runAs(admin, () -> locations.addLocation("Reminder " + UUID.randomUUID(), "1 Test St"));
        TestAccounts.runAs(admin, () -> locations.addRoom(location, "Treatment", Place.RoomKind.TREATMENT, 1));
        var day = PlanFixtures.businessDayAfter(context, 4);
        TestAccounts.runAs(coordinator, () -> blocks.add(nurse.id().value(), location, StaffBlock.Kind.NURSE_SHIFT, day,
                LocalTime.of(7, 0), LocalTime.of(18, 0), 1));
        var f = CareTeamFixture.create(context);
        var a = TestAccounts.runAs(coordinator, () -> appointments.book(new Appointments.NewAppointment(f.patient(),
                AppointmentType.DOSING, Modality.IV_KETAMINE, location, null, null, null, day, LocalTime.of(10, 0), null)));

        TestClock.INSTANCE.pin(a.startsAt().minus(Duration.ofHours(72)));
        assertThat(reminders.sendDue()).as("nothing is due 72 h ahead").isZero();
        TestClock.INSTANCE.pin(a.startsAt().minus(Duration.ofHours(47)));
        assertThat(reminders.sendDue()).isGreaterThanOrEqualTo(1);
        assertThat(reminders.sendDue()).as("the 48 h reminder goes once").isZero();
        TestClock.INSTANCE.pin(a.startsAt().minus(Duration.ofHours(23)));
        assertThat(reminders.sendDue()).isGreaterThanOrEqualTo(1);
        assertThat(reminders.sendDue()).as("the 24 h reminder goes once").isZero();

        waitFor(f.email(), 2);
        var first = to(f.email()).get(0);
        assertThat(first.getSubject()).startsWith("Appointment reminder: ");
        var multipart = (Multipart) first.getContent();
        var text = GreenMailUtil.getBody(multipart.getBodyPart(0));
        assertThat(text).contains("Do not eat for 2 hours").contains("30 minutes")
                .contains("Do not drive until the next day, after a night's sleep").contains("/portal/appointments")
                .doesNotContain(f.family()).doesNotContainIgnoringCase("ketamine").contains("988");
        var ics = multipart.getBodyPart(1);
        assertThat(ics.getContentType()).startsWith("text/calendar");
        assertThat(ics.getFileName()).isEqualTo("appointment.ics");
        assertThat(GreenMailUtil.getBody(ics)).contains("BEGIN:VEVENT").contains("SUMMARY:Appointment at")
                .doesNotContain(f.family());

        var matcher = TRANSPORT.matcher(text);
        assertThat(matcher.find()).as("a transport link in:\n" + text).isTrue();
        var link = "/t/" + matcher.group(1);
        TestClock.INSTANCE.reset();
        mvc.perform(get(link)).andExpect(status().isOk());
        mvc.perform(post(link).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT transport_confirmed_at FROM appointment WHERE id = :id").param("id", a.id())
                .query(java.time.OffsetDateTime.class).optional()).isPresent();
        var page = mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"confirmed\"");
        mvc.perform(get("/t/tNotARealTokenAtAllNotARealTokenAtAllNotAReal1")).andExpect(status().isNotFound());
    }

    @Test
    void anAppointmentBookedInsideFortyEightHoursGetsOnlyTheTwentyFourHourReminder() {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var location = TestAccounts.runAs(admin, () -> locations.addLocation("Reminder " + UUID.randomUUID(), "2 Test St"));
        var day = PlanFixtures.businessDayAfter(context, 5);
        var f = CareTeamFixture.create(context);
        var a = TestAccounts.runAs(coordinator, () -> appointments.book(new Appointments.NewAppointment(f.patient(),
                AppointmentType.THERAPY, null, location, null, null, null, day, LocalTime.of(15, 0), null)));
        TestClock.INSTANCE.pin(a.startsAt().minus(Duration.ofHours(20)));
        reminders.sendDue();
        reminders.sendDue();
        waitFor(f.email(), 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE to_address = :to").param("to", f.email())
                .query(Long.class).single()).isEqualTo(1);
    }
}
