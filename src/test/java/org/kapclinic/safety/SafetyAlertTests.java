// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.assessments.Channel;
import org.kapclinic.assessments.IncompleteAnswers;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alerts from answers: their level from the table, one alert for repeats while open, quiet repeats after
 * acknowledgment, a new alert for anything more severe, acknowledgment with an action, and dosing clearance.
 */
@ClinicIntegrationTest
class SafetyAlertTests {

    // Tue 17 Nov 2026, 10:00 in New York: the clinic is open
    private static final Instant TUESDAY_10AM = Instant.parse("2026-11-17T15:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Assessments assessments;

    @Autowired
    SafetyAlerts safety;

    @Autowired
    DosingClearance clearance;

    @Autowired
    LevelTable levels;

    @AfterEach
    void realTime() {
        TestClock.INSTANCE.reset();
    }

    private void record(CareTeamFixture f, String instrument, Map<String, Integer> answers) {
        TestAccounts.runAs(f.therapist(), () -> assessments.recordByClinician(f.patient(), instrument, answers, null,
                Channel.CLINICIAN));
    }

    private static Map<String, Integer> phq9(int item9) {
        var answers = new HashMap<String, Integer>();
        for (int i = 1; i <= 8; i++) {
            answers.put(String.valueOf(i), 1);
        }
        answers.put("9", item9);
        return answers;
    }

    private static Map<String, Integer> asq(int q1, int q5) {
        return Map.of("1", q1, "2", 0, "3", 0, "4", 0, "5", q5);
    }

    private List<Alert> alerts(CareTeamFixture f) {
        return TestAccounts.runAs(f.therapist(), () -> safety.forPatient(f.patient()));
    }

    private List<Finding> findings(CareTeamFixture f, Alert alert) {
        return TestAccounts.runAs(f.therapist(), () -> safety.detail(alert.id()).findings());
    }

    private List<String> pagesTo(String email) {
        return jdbc.sql("SELECT subject FROM email_outbox WHERE to_address = :to AND subject LIKE 'Safety alert%'")
                .param("to", email).query(String.class).list();
    }

    @Test
    void phq9ItemNineRaisesASameDayAlertThatPagesTheCareTeamWithoutClinicalDetail() {
        TestClock.INSTANCE.pin(TUESDAY_10AM);
        var f = CareTeamFixture.create(context);
        record(f, "phq9", phq9(1));
        var alert = alerts(f).get(0);
        assertThat(alert.level()).isEqualTo(AlertLevel.SAME_DAY);
        assertThat(alert.trigger()).isEqualTo("suicidal-ideation");
        assertThat(alert.summary()).isEqualTo("PHQ-9: item 9 answered 1 (Several days)");
        assertThat(alert.step()).isEqualTo(Alert.CARE_TEAM);
        assertThat(pagesTo(f.therapist().email())).containsExactly("Safety alert: acknowledgment needed (Same business day)");
        assertThat(pagesTo(f.prescriber().email())).hasSize(1);
        var body = jdbc.sql("SELECT body FROM email_outbox WHERE to_address = :to AND subject LIKE 'Safety alert%'")
                .param("to", f.therapist().email()).query(String.class).single();
        assertThat(body).contains("/safety/alerts/" + alert.id()).doesNotContain("PHQ").doesNotContain(f.family());
    }

    @Test
    void anAcutePositiveAsqRaisesAnImmediateAlert() {
        TestClock.INSTANCE.pin(TUESDAY_10AM);
        var f = CareTeamFixture.create(context);
        record(f, "asq", asq(1, 1));
        var list = alerts(f);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).level()).isEqualTo(AlertLevel.IMMEDIATE);
        assertThat(list.get(0).trigger()).isEqualTo("acute-suicide-risk");
        // the same answers' non-acute finding joined the immediate alert instead of raising a second one
        assertThat(findings(f, list.get(0))).extracting(Finding::trigger)
                .containsExactly("acute-suicide-risk", "suicide-risk");
    }

    @Test
    void aLowRiskCssrsRaisesARoutineAlertAndAllNoRaisesNothing() {
        var f = CareTeamFixture.create(context);
        record(f, "cssrs", Map.of("1", 0, "2", 0, "6", 0));
        assertThat(alerts(f)).isEmpty();
        record(f, "cssrs", Map.of("1", 1, "2", 0, "6", 0));
        assertThat(alerts(f)).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(AlertLevel.ROUTINE);
            assertThat(a.trigger()).isEqualTo("cssrs-low");
        });
    }

    @Test
    void madrsItemTenOfFourIsAcuteAndTwoIsSameDay() {
        var f = CareTeamFixture.create(context);
        var answers = new HashMap<String, Integer>();
        for (int i = 1; i <= 10; i++) {
            answers.put(String.valueOf(i), 2);
        }
        record(f, "madrs", answers);
        assertThat(alerts(f)).singleElement().extracting(Alert::level).isEqualTo(AlertLevel.SAME_DAY);
        answers.put("10", 4);
        record(f, "madrs", answers);
        assertThat(alerts(f)).hasSize(2).first().extracting(Alert::level).isEqualTo(AlertLevel.IMMEDIATE);
    }

    @Test
    void aRepeatPositiveJoinsTheOpenAlertWithoutPagingAgain() {
        var f = CareTeamFixture.create(context);
        record(f, "phq9", phq9(1));
        record(f, "phq9", phq9(2));
        var list = alerts(f);
        assertThat(list).hasSize(1);
        assertThat(findings(f, list.get(0))).extracting(Finding::outcome)
                .containsExactly(Finding.Outcome.RAISED, Finding.Outcome.REPEAT);
        assertThat(pagesTo(f.therapist().email())).hasSize(1);
    }

    @Test
    void afterAcknowledgmentTheSameFindingWithinTheWindowIsRecordedButNotPaged() {
        TestClock.INSTANCE.pin(TUESDAY_10AM);
        var f = CareTeamFixture.create(context);
        record(f, "phq9", phq9(1));
        var alert = alerts(f).get(0);
        TestAccounts.runAs(f.therapist(), () -> safety.acknowledge(alert.id(), AckAction.CALLED_PATIENT, "Safe", null));

        TestClock.INSTANCE.pin(TUESDAY_10AM.plusSeconds(3 * 86400)); // three days later, within 7
        record(f, "phq9", phq9(1));
        var list = alerts(f);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).open()).isFalse();
        assertThat(findings(f, list.get(0))).extracting(Finding::outcome)
                .containsExactly(Finding.Outcome.RAISED, Finding.Outcome.QUIET_REPEAT);
        assertThat(pagesTo(f.therapist().email())).hasSize(1);

        TestClock.INSTANCE.pin(TUESDAY_10AM.plusSeconds(8 * 86400)); // after the window: a new alert, paged
        record(f, "phq9", phq9(1));
        assertThat(alerts(f)).hasSize(2).first().satisfies(a -> assertThat(a.open()).isTrue());
        assertThat(pagesTo(f.therapist().email())).hasSize(2);
    }

    @Test
    void anythingMoreSevereRaisesANewAlertEvenWhileOneIsOpenOrQuiet() {
        TestClock.INSTANCE.pin(TUESDAY_10AM);
        var f = CareTeamFixture.create(context);
        record(f, "phq9", phq9(1));
        record(f, "asq", asq(1, 1));
        var list = alerts(f);
        assertThat(list).hasSize(2);
        assertThat(list).extracting(Alert::level).containsExactlyInAnyOrder(AlertLevel.SAME_DAY, AlertLevel.IMMEDIATE);
    }

    @Test
    void theClinicianSetsTheQuietWindowAndOtherNeedsANote() {
        var f = CareTeamFixture.create(context);
        record(f, "phq9", phq9(1));
        var alert = alerts(f).get(0);
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(),
                () -> safety.acknowledge(alert.id(), AckAction.OTHER, " ", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("note:");
        TestAccounts.runAs(f.therapist(), () -> safety.acknowledge(alert.id(), AckAction.DID_CSSRS, null, 0));
        var acknowledged = alerts(f).get(0);
        assertThat(acknowledged.action()).isEqualTo(AckAction.DID_CSSRS);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo(f.therapist().email());
        assertThat(acknowledged.quietUntil()).isEqualTo(acknowledged.acknowledgedAt());
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(),
                () -> safety.acknowledge(alert.id(), AckAction.CALLED_PATIENT, null, null)))
                .isInstanceOf(AlertAlreadyAcknowledged.class);
        // a zero-day window: the next positive pages again
        record(f, "phq9", phq9(1));
        assertThat(alerts(f)).hasSize(2);
    }

    @Test
    void theLevelTableDecidesAndCanBeChangedByAPrescriber() {
        var f = CareTeamFixture.create(context);
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        try {
            TestAccounts.runAs(prescriber, () -> levels.save(Map.of("cssrs-low", AlertLevel.SAME_DAY)));
            record(f, "cssrs", Map.of("1", 1, "2", 0, "6", 0));
            assertThat(alerts(f)).singleElement().extracting(Alert::level).isEqualTo(AlertLevel.SAME_DAY);
        } finally {
            TestAccounts.runAs(prescriber, () -> levels.save(Map.of("cssrs-low", AlertLevel.ROUTINE)));
        }
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        assertThatThrownBy(() -> TestAccounts.runAs(therapist, () -> levels.save(Map.of("cssrs-low", AlertLevel.ROUTINE))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void partialClinicianAnswersAreRefusedButTheScoreCarriesTheFlag() {
        var f = CareTeamFixture.create(context);
        assertThatThrownBy(() -> record(f, "phq9", Map.of("9", 3)))
                .isInstanceOfSatisfying(IncompleteAnswers.class,
                        e -> assertThat(e.score().flags()).containsExactly("suicidal-ideation"));
        assertThat(alerts(f)).as("nothing stored, nothing raised: the clinician sees the flag on the form").isEmpty();
    }

    @Test
    void aClinicianFlagOfImminentRiskIsImmediateAndBlocksDosingUntilAPrescriberClearsIt() {
        TestClock.INSTANCE.pin(TUESDAY_10AM);
        var f = CareTeamFixture.create(context);
        var today = LocalDate.of(2026, 11, 17);
        assertThat(TestAccounts.runAs(f.therapist(), () -> clearance.check(f.patient(), today)).cleared()).isTrue();
        TestAccounts.runAs(f.therapist(), () -> safety.flag(f.patient(), true, "Said they have a plan"));
        var blocked = TestAccounts.runAs(f.therapist(), () -> clearance.check(f.patient(), today));
        assertThat(blocked.cleared()).isFalse();
        assertThat(blocked.blockers()).singleElement().extracting(DosingClearance.Blocker::reason).asString()
                .startsWith("Open immediate safety alert");
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> clearance.clearToday(f.patient(), "ok")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        TestClock.INSTANCE.pin(TUESDAY_10AM.plusSeconds(600));
        TestAccounts.runAs(f.prescriber(), () -> clearance.clearToday(f.patient(), "Evaluated in person; safe to dose"));
        var cleared = TestAccounts.runAs(f.therapist(), () -> clearance.check(f.patient(), today));
        assertThat(cleared.cleared()).isTrue();
        assertThat(cleared.clearedBy()).isEqualTo(f.prescriber().email());

        // a new acute-positive screen after the clearance blocks again
        TestClock.INSTANCE.pin(TUESDAY_10AM.plusSeconds(1200));
        record(f, "asq", asq(0, 1));
        assertThat(TestAccounts.runAs(f.therapist(), () -> clearance.check(f.patient(), today)).cleared()).isFalse();
    }

    @Test
    void anAcutePositiveScreenBlocksOnlyItsOwnDay() {
        TestClock.INSTANCE.pin(TUESDAY_10AM);
        var f = CareTeamFixture.create(context);
        record(f, "asq", asq(0, 1));
        var alert = alerts(f).get(0);
        TestAccounts.runAs(f.therapist(), () -> safety.acknowledge(alert.id(), AckAction.REFERRED_EMERGENCY, null, null));
        assertThat(TestAccounts.runAs(f.therapist(), () -> clearance.check(f.patient(), LocalDate.of(2026, 11, 17))).cleared())
                .as("acknowledged, but the screen was today").isFalse();
        assertThat(TestAccounts.runAs(f.therapist(), () -> clearance.check(f.patient(), LocalDate.of(2026, 11, 18))).cleared())
                .isTrue();
    }
}
