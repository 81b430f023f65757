// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily digest of REMS forms: overdue and due within two days, to every enabled nurse and prescriber by default,
 * once per clinic day however often the job runs, with no patient names.
 */
@ClinicIntegrationTest
class RemsReminderTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RemsReminders reminders;

    @Autowired
    ClinicCalendar calendar;

    @AfterEach
    void realTime() {
        TestClock.INSTANCE.reset();
    }

    private List<String[]> mailTo(String address) {
        return jdbc.sql("SELECT subject, body FROM email_outbox WHERE to_address = :a ORDER BY created_at")
                .param("a", address).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    @Test
    void theDigestGoesOncePerDayToNursesAndPrescribersWithoutNames() {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var location = RemsFixtures.certifiedLocation(context, admin);
        var f = CareTeamFixture.create(context);
        var zone = calendar.zone();
        // a day no other test uses: the digest is claimed per clinic day
        var day = LocalDate.of(2033, 5, 10);
        TestClock.INSTANCE.pin(day.minusDays(9).atTime(12, 0).atZone(zone).toInstant());
        var overdue = RemsFixtures.draft(context, f.patient(), location, day.minusDays(9));
        TestClock.INSTANCE.pin(day.minusDays(6).atTime(12, 0).atZone(zone).toInstant());
        var dueSoon = RemsFixtures.signed(context, nurse, f.patient(), location, day.minusDays(6));

        TestClock.INSTANCE.pin(day.atTime(8, 0).atZone(zone).toInstant());
        int sent = reminders.sendDigest();
        assertThat(sent).isGreaterThanOrEqualTo(2);
        assertThat(reminders.sendDigest()).as("a second run the same day sends nothing").isZero();
        TestClock.INSTANCE.pin(day.atTime(16, 0).atZone(zone).toInstant());
        assertThat(reminders.sendDigest()).as("nor later that day").isZero();

        var mail = mailTo(nurse.email());
        assertThat(mail).hasSize(1);
        assertThat(mailTo(prescriber.email())).hasSize(1);
        assertThat(mailTo(therapist.email())).isEmpty();
        var subject = mail.get(0)[0];
        var body = mail.get(0)[1];
        assertThat(subject).startsWith("REMS monitoring forms: ").contains("overdue");
        assertThat(body).contains("OVERDUE").contains("/dosing/sessions/" + overdue + "/rems-form")
                .contains("/dosing/sessions/" + dueSoon + "/rems-form").contains("(2 days late)")
                .contains("Due within 2 days").doesNotContain(f.family()).doesNotContain("Mockwell");

        TestClock.INSTANCE.pin(day.plusDays(1).atTime(8, 0).atZone(zone).toInstant());
        assertThat(reminders.sendDigest()).as("the next day has its own digest").isGreaterThanOrEqualTo(2);
        assertThat(mailTo(nurse.email())).hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'REMS_REMINDER_SENT' AND details LIKE :d")
                .param("d", day + ":%").query(Long.class).single()).isEqualTo(1);
    }
}
