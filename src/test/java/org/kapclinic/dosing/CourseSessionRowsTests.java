// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outcomes dashboard's per-session summary rows (ADR 022 "Summary rows") follow a session through the dosing day's
 * own write paths (dose, checks, discharge), each time equal to what the raw sessions and checks give, and
 * {@link CourseSessionRows#rebuild()} restores them after rows were written past the module.
 */
@ClinicIntegrationTest
class CourseSessionRowsTests {

    private static final Instant EVER = Instant.EPOCH;
    private static final Instant NEVER = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    Administrations administrations;

    @Autowired
    Monitoring monitoring;

    @Autowired
    Discharges discharges;

    @Autowired
    CourseSessions sessions;

    @Autowired
    CourseSessionRows rows;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void theSummaryRowFollowsTheDoseEachCheckAndTheDischargeAndAlwaysEqualsTheRawRows() {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 41).cleared(context);
        var plan = PlanFixtures.approved(context, f.patient(), f.prescriber());
        // booked under the plan (the fixture books without one): linked past the module, so rebuilt
        jdbc.sql("UPDATE dosing_session SET plan_id = :p WHERE id = :s").param("p", plan).param("s", f.session())
                .update();
        rows.rebuild();
        assertThat(ofPlan(sessions.ofCoursesStarting(EVER, NEVER), plan)).isEmpty(); // not dosed yet

        runAs(f, () -> administrations.prepare(f.session(), new AdministrationForm(Route.NASAL, new BigDecimal("56"),
                null, null, f.esketamineLot(), null, f.nurse().displayName(), null)));
        runAs(f, () -> administrations.giveDevice(f.session()));
        var dosed = sameAsRawRows(plan);
        assertThat(dosed).singleElement().satisfies(s -> {
            assertThat(s.session()).isEqualTo(f.session());
            assertThat(s.lowestMoaas()).isNull();
            assertThat(s.sideEffects()).isEmpty();
        });
        TestClock.INSTANCE.advance(Duration.ofMinutes(5));
        runAs(f, () -> administrations.giveDevice(f.session())); // 56 mg: the second device ends the dosing
        assertThat(sameAsRawRows(plan)).isEqualTo(dosed);

        TestClock.INSTANCE.advance(Duration.ofMinutes(35));
        runAs(f, () -> monitoring.record(f.session(), new CheckForm(new Vitals(150, 92, 80, 96, 14), 3,
                Dissociation.MODERATE, Map.of(SideEffect.NAUSEA, SideEffect.Severity.MILD), List.of(), null, null)));
        assertThat(sameAsRawRows(plan)).singleElement().satisfies(s -> {
            assertThat(s.lowestMoaas()).isEqualTo(3);
            assertThat(s.dissociation()).isEqualTo(Dissociation.MODERATE);
            assertThat(s.sideEffects()).containsExactly(SideEffect.NAUSEA);
            assertThat(s.bpHigh()).isFalse();
        });

        TestClock.INSTANCE.advance(Duration.ofMinutes(30));
        runAs(f, () -> monitoring.record(f.session(), new CheckForm(new Vitals(172, 96, 84, 97, 14), 4,
                Dissociation.MILD, Map.of(SideEffect.HEADACHE, SideEffect.Severity.MILD), List.of(), null, null)));
        assertThat(sameAsRawRows(plan)).singleElement().satisfies(s -> {
            assertThat(s.lowestMoaas()).isEqualTo(3); // the lowest stays
            assertThat(s.dissociation()).isEqualTo(Dissociation.MODERATE); // the worst stays
            assertThat(s.sideEffects()).containsExactlyInAnyOrder(SideEffect.NAUSEA, SideEffect.HEADACHE);
            assertThat(s.bpHigh()).isTrue(); // systolic 172 flagged above the monitoring range
        });

        TestClock.INSTANCE.advance(Duration.ofMinutes(50));
        runAs(f, () -> monitoring.record(f.session(), new CheckForm(new Vitals(126, 80, 72, 98, 14), 5,
                Dissociation.NONE, Map.of(), List.of(), null, null)));
        runAs(f, () -> discharges.discharge(f.session(), new Discharges.DischargeForm(
                EnumSet.allOf(DischargeCriterion.class), "Driver Demo", null, null, null)));
        var discharged = sameAsRawRows(plan);
        assertThat(discharged).singleElement().satisfies(s -> assertThat(s.lowestMoaas()).isEqualTo(3));

        // a row lost or changed past the module (a repair in SQL) is back after a rebuild
        jdbc.sql("UPDATE dosing_course_session SET lowest_moaas = NULL, side_effects = NULL WHERE session_id = :s")
                .param("s", f.session()).update();
        assertThat(ofPlan(sessions.ofCoursesStarting(EVER, NEVER), plan)).isNotEqualTo(discharged);
        rows.rebuild();
        assertThat(sessions.ofCoursesStarting(EVER, NEVER)).isEqualTo(sessions.fromRawRows(EVER, NEVER));
        assertThat(ofPlan(sessions.ofCoursesStarting(EVER, NEVER), plan)).isEqualTo(discharged);
    }

    @Test
    void aCourseIsSelectedByItsFirstDoseWhateverItsLaterSessions() {
        var first = DosingFixture.open(context, Modality.ESKETAMINE, 43).cleared(context);
        var plan = PlanFixtures.approved(context, first.patient(), first.prescriber());
        jdbc.sql("UPDATE dosing_session SET plan_id = :p WHERE id = :s").param("p", plan).param("s", first.session())
                .update();
        rows.rebuild();
        runAs(first, () -> administrations.prepare(first.session(), new AdministrationForm(Route.NASAL,
                new BigDecimal("56"), null, null, first.esketamineLot(), null, first.nurse().displayName(), null)));
        runAs(first, () -> administrations.giveDevice(first.session()));
        var dose = sessions.ofCoursesStarting(EVER, NEVER).stream().filter(s -> s.plan().equals(plan)).findFirst()
                .orElseThrow().doseStartedAt();

        assertThat(ofPlan(sessions.ofCoursesStarting(dose, dose.plusSeconds(1)), plan)).hasSize(1);
        assertThat(ofPlan(sessions.ofCoursesStarting(dose.plusSeconds(1), NEVER), plan)).isEmpty();
        assertThat(ofPlan(sessions.ofCoursesStarting(EVER, dose), plan)).isEmpty();
    }

    private List<CourseSessions.Session> sameAsRawRows(UUID plan) {
        var summary = ofPlan(sessions.ofCoursesStarting(EVER, NEVER), plan);
        assertThat(summary).isEqualTo(ofPlan(sessions.fromRawRows(EVER, NEVER), plan));
        return summary;
    }

    private static List<CourseSessions.Session> ofPlan(List<CourseSessions.Session> all, UUID plan) {
        return all.stream().filter(s -> s.plan().equals(plan)).toList();
    }

    private static void runAs(DosingFixture f, Runnable action) {
        TestAccounts.runAs(f.nurse(), action);
    }
}
