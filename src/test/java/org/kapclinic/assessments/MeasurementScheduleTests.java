// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Measurement schedules: sent on the day at 09:00 clinic time, once, every N days, and not piled up while one is open. */
@ClinicIntegrationTest
class MeasurementScheduleTests {

    // Mon 16 Nov 2026, 08:00 in New York
    private static final Instant MONDAY_8AM = Instant.parse("2026-11-16T13:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeasurementSchedules schedules;

    @Autowired
    ScheduledQuestionnaires job;

    @AfterEach
    void realTime() {
        TestClock.INSTANCE.reset();
    }

    private List<String> requests(CareTeamFixture f) {
        return jdbc.sql("SELECT instrument || ' ' || status FROM questionnaire_request WHERE patient_id = :p ORDER BY created_at")
                .param("p", f.patient().value()).query(String.class).list();
    }

    private int emails(CareTeamFixture f) {
        return jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE to_address = :to").param("to", f.email())
                .query(Integer.class).single();
    }

    @Test
    void aWeeklyPhq9GoesAtNineOnItsDayOnceAndAgainAWeekLater() {
        TestClock.INSTANCE.pin(MONDAY_8AM);
        var f = CareTeamFixture.create(context);
        TestAccounts.runAs(f.therapist(), () -> schedules.add(f.patient(), "phq9", 7, LocalDate.of(2026, 11, 16)));

        job.sendDue();
        assertThat(requests(f)).isEmpty();

        TestClock.INSTANCE.pin(MONDAY_8AM.plusSeconds(3600)); // 09:00
        job.sendDue();
        job.sendDue();
        assertThat(requests(f)).containsExactly("phq9 OPEN");
        assertThat(emails(f)).isEqualTo(1);

        // answered during the week; the next one goes the following Monday
        var request = jdbc.sql("SELECT id FROM questionnaire_request WHERE patient_id = :p").param("p", f.patient().value())
                .query(java.util.UUID.class).single();
        jdbc.sql("UPDATE questionnaire_request SET status = 'COMPLETED' WHERE id = :id").param("id", request).update();
        TestClock.INSTANCE.pin(MONDAY_8AM.plusSeconds(6 * 86400 + 3600));
        job.sendDue();
        assertThat(requests(f)).hasSize(1);
        TestClock.INSTANCE.pin(MONDAY_8AM.plusSeconds(7 * 86400 + 3600));
        job.sendDue();
        assertThat(requests(f)).containsExactly("phq9 COMPLETED", "phq9 OPEN");
    }

    @Test
    void aQuestionnaireStillOpenIsNotSentAgain() {
        TestClock.INSTANCE.pin(MONDAY_8AM);
        var f = CareTeamFixture.create(context);
        TestAccounts.runAs(f.therapist(), () -> schedules.add(f.patient(), "gad7", 1, LocalDate.of(2026, 11, 16)));
        TestClock.INSTANCE.pin(MONDAY_8AM.plusSeconds(3600));
        job.sendDue();
        TestClock.INSTANCE.pin(MONDAY_8AM.plusSeconds(86400 + 3600));
        job.sendDue();
        assertThat(requests(f)).containsExactly("gad7 OPEN");
    }

    @Test
    void anEndedScheduleSendsNothing() {
        TestClock.INSTANCE.pin(MONDAY_8AM);
        var f = CareTeamFixture.create(context);
        var id = TestAccounts.runAs(f.therapist(), () -> schedules.add(f.patient(), "phq9", 7, LocalDate.of(2026, 11, 16)));
        TestAccounts.runAs(f.therapist(), () -> schedules.end(f.patient(), id));
        TestClock.INSTANCE.pin(MONDAY_8AM.plusSeconds(3600));
        job.sendDue();
        assertThat(requests(f)).isEmpty();
        assertThat(TestAccounts.runAs(f.therapist(), () -> schedules.active(f.patient()))).isEmpty();
    }

    @Test
    void clinicianRatedScalesAndPastDaysAreRefused() {
        TestClock.INSTANCE.pin(MONDAY_8AM);
        var f = CareTeamFixture.create(context);
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(),
                () -> schedules.add(f.patient(), "madrs", 7, LocalDate.of(2026, 11, 16))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("instrument:");
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(),
                () -> schedules.add(f.patient(), "phq9", 7, LocalDate.of(2026, 11, 15))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("firstDay:");
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(),
                () -> schedules.add(f.patient(), "phq9", 0, LocalDate.of(2026, 11, 16))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("everyDays:");
    }
    @Test
    void aQuestionnaireTimedFromADoseGoesOutOnceAtItsHourAndAClinicianRatedOneIsNotSent() {
        TestClock.INSTANCE.pin(MONDAY_8AM);
        var f = CareTeamFixture.create(context);
        var session = java.util.UUID.randomUUID();
        var dose = MONDAY_8AM.plus(java.time.Duration.ofMinutes(90));
        assertThat(TestAccounts.runAs(f.therapist(), () -> schedules.once(f.patient(), "mood",
                dose.plus(java.time.Duration.ofHours(4)), session, "+4 h after dose 1"))).isTrue();
        // setting the same point again keeps one
        TestAccounts.runAs(f.therapist(), () -> schedules.once(f.patient(), "mood",
                dose.plus(java.time.Duration.ofHours(4)), session, "+4 h after dose 1"));
        assertThat(TestAccounts.runAs(f.therapist(), () -> schedules.once(f.patient(), "madrs",
                dose.plus(java.time.Duration.ofHours(24)), session, "+24 h after dose 1"))).isFalse();
        assertThat(TestAccounts.runAs(f.therapist(), () -> schedules.active(f.patient()))).singleElement()
                .satisfies(s -> assertThat(s.once()).isTrue());

        TestClock.INSTANCE.pin(dose.plus(java.time.Duration.ofHours(3)));
        assertThat(job.sendDue()).isZero();
        TestClock.INSTANCE.pin(dose.plus(java.time.Duration.ofHours(4)).plusSeconds(60));
        assertThat(job.sendDue()).isEqualTo(1);
        assertThat(requests(f)).containsExactly("mood OPEN");
        TestClock.INSTANCE.pin(dose.plus(java.time.Duration.ofHours(30)));
        assertThat(job.sendDue()).isZero();
        assertThat(TestAccounts.runAs(f.therapist(), () -> schedules.active(f.patient()))).isEmpty();
    }
}
