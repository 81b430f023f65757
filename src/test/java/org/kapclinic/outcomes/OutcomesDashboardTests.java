// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cohort and its figures on H2 and PostgreSQL, from courses dated in a year no other test uses. */
@ClinicIntegrationTest
class OutcomesDashboardTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    OutcomesDashboard dashboard;
    @Autowired
    JdbcClient jdbc;

    OutcomesFixture fixture;
    ClinicUser prescriber;

    @BeforeEach
    void setUp() {
        fixture = new OutcomesFixture(context);
        prescriber = TestAccounts.create(context, Role.PRESCRIBER);
    }

    static Instant day(int year, int dayOfYear) {
        return LocalDate.ofYearDay(year, dayOfYear).atTime(17, 0).toInstant(ZoneOffset.UTC); // 10:00 in Phoenix
    }

    static List<Instant> doses(Instant first, int... days) {
        return java.util.Arrays.stream(days).mapToObj(d -> first.plus(Duration.ofDays(d))).toList();
    }

    ClinicOutcomes view(@Nullable String modality, @Nullable String protocol, @Nullable UUID therapist,
            @Nullable UUID location, String from, String to) {
        return TestAccounts.runAs(prescriber, () -> dashboard.view(dashboard.filter(modality, protocol,
                therapist == null ? null : therapist.toString(), location == null ? null : location.toString(), from,
                to), "test"));
    }

    @Test
    void computesResponseRemissionEarlyResponseAndSafetyRatesForACohort() {
        int year = 2003;
        var first = day(year, 60);
        var location = fixture.location("Outcomes test site A");
        // A: early responder who remits on day 7 (after the third dose); B: responds on day 21; C: no response
        var a = fixture.patient(null);
        fixture.course(a, "IV_KETAMINE", "iv-ketamine-series", location, doses(first, 0, 3, 7, 10), null, null);
        fixture.score(a, "madrs", first.minus(Duration.ofHours(20)), 30);
        fixture.score(a, "madrs", first.plus(Duration.ofHours(24)), 14);
        fixture.score(a, "madrs", first.plus(Duration.ofDays(7)).plus(Duration.ofHours(4)), 10);
        fixture.score(a, "madrs", first.plus(Duration.ofDays(21)), 8);
        var b = fixture.patient(null);
        fixture.course(b, "IV_KETAMINE", "iv-ketamine-series", location, doses(first, 0, 3, 7, 10), null, null);
        fixture.score(b, "madrs", first.minus(Duration.ofHours(20)), 32);
        fixture.score(b, "madrs", first.plus(Duration.ofHours(24)), 28);
        fixture.score(b, "madrs", first.plus(Duration.ofDays(7)), 20);
        fixture.score(b, "madrs", first.plus(Duration.ofDays(21)), 15);
        var c = fixture.patient(null);
        fixture.course(c, "IV_KETAMINE", "iv-ketamine-series", location, doses(first, 0, 3, 7, 10), null, null);
        fixture.score(c, "madrs", first.minus(Duration.ofDays(2)), 28);
        fixture.score(c, "madrs", first.plus(Duration.ofHours(25)), 26);
        fixture.score(c, "madrs", first.plus(Duration.ofDays(20)), 25);
        // a score after the 28-day window counts for follow-up, not for the endpoint
        fixture.score(c, "madrs", first.plus(Duration.ofDays(40)), 12);

        var o = view(null, null, null, location, year + "-01-01", year + "-12-31");

        assertThat(o.courses()).isEqualTo(3);
        assertThat(o.sessions()).isEqualTo(12);
        var madrs = o.rates().stream().filter(r -> r.instrument().equals("madrs")).findFirst().orElseThrow();
        assertThat(madrs.response().counts()).isEqualTo("2 of 3");
        assertThat(madrs.remission().counts()).isEqualTo("1 of 3");
        assertThat(madrs.response().lower()).isEqualTo(Proportion.of(2, 3).lower());
        var response = o.curves().stream().filter(t -> t.key().equals("response-madrs")).findFirst().orElseThrow();
        assertThat(response.curve().eventSteps()).extracting(KaplanMeier.Step::time).containsExactly(1.0, 21.0, 40.0);
        var remission = o.curves().stream().filter(t -> t.key().equals("remission-madrs")).findFirst().orElseThrow();
        assertThat(remission.curve().eventSteps()).extracting(KaplanMeier.Step::time).containsExactly(7.0, 40.0);
        assertThat(remission.curve().events()).isEqualTo(2);
        var sessions = o.sessionsToRemission().get(0);
        assertThat(sessions.distribution()).containsEntry(3, 1).containsEntry(4, 1);
        assertThat(o.early().earlyResponse().counts()).isEqualTo("1 of 3");
        assertThat(o.early().remittedAfterEarlyResponse().counts()).isEqualTo("1 of 1");
        assertThat(o.early().remittedWithoutEarlyResponse().counts()).isEqualTo("1 of 2");
        assertThat(rate(o, "side-effect-nausea").counts()).isEqualTo("3 of 12");
        assertThat(rate(o, "sedation").counts()).isEqualTo("3 of 12");
        assertThat(rate(o, "bp-high").counts()).isEqualTo("3 of 12");
        assertThat(rate(o, "dissociation").counts()).isEqualTo("12 of 12");
        assertThat(rate(o, "dissociation-moderate").counts()).isEqualTo("0 of 12");
    }

    @Test
    void eachFilterIncludesItsCourseAndExcludesTheOthers() {
        int year = 2004;
        var first = day(year, 100);
        var one = fixture.location("Outcomes test site one");
        var two = fixture.location("Outcomes test site two");
        var t1 = TestAccounts.create(context, Role.THERAPIST).id().value();
        var t2 = TestAccounts.create(context, Role.THERAPIST).id().value();
        var esketamine = fixture.patient(t1);
        var esketaminePlan = fixture.course(esketamine, "ESKETAMINE", "esketamine-trd", one, doses(first, 0, 3), null, null);
        var iv = fixture.patient(t2);
        var ivPlan = fixture.course(iv, "IV_KETAMINE", "iv-ketamine-series", two, doses(first, 1, 4), null, null);
        // started the year before: out of the period although a later dose falls in it
        var earlier = fixture.patient(t1);
        fixture.course(earlier, "ESKETAMINE", "esketamine-trd", one, List.of(day(year - 1, 360), first), null, null);
        // a session without a plan is no course
        fixture.session(fixture.patient(t1), null, one, "ESKETAMINE", 1, first, null, 5, null);
        var from = year + "-01-01";
        var to = year + "-12-31";

        assertThat(plans(null, null, null, null, from, to)).containsExactlyInAnyOrder(esketaminePlan, ivPlan);
        assertThat(plans("ESKETAMINE", null, null, null, from, to)).containsExactly(esketaminePlan);
        assertThat(plans(null, "iv-ketamine-series", null, null, from, to)).containsExactly(ivPlan);
        assertThat(plans(null, null, t1, null, from, to)).containsExactly(esketaminePlan);
        assertThat(plans(null, null, null, two, from, to)).containsExactly(ivPlan);
        // the IV course starts a day after the esketamine one: a period from that day holds only it
        assertThat(plans(null, null, null, null, LocalDate.ofYearDay(year, 101).toString(), to)).containsExactly(ivPlan);
        assertThat(plans(null, null, null, one, year - 1 + "-01-01", year - 1 + "-12-31")).hasSize(1);
        assertThat(plans("IV_KETAMINE", null, t1, null, from, to)).isEmpty();
    }

    @Test
    void aFilterThatCannotBeReadNamesEachFieldAndComputesNothing() {
        var filter = TestAccounts.runAs(prescriber, () -> dashboard.filter("LSD", "no-such-protocol",
                UUID.randomUUID().toString(), "not-a-uuid", "2024-13-45", "yesterday"));
        assertThat(filter.errors()).containsOnlyKeys("modality", "protocol", "therapist", "location", "from", "to");
        assertThat(filter.typed("from")).isEqualTo("2024-13-45");
        assertThat(TestAccounts.runAs(prescriber, () -> dashboard.view(filter, "test"))).isNull();
        var reversed = TestAccounts.runAs(prescriber, () -> dashboard.filter(null, null, null, null, "2005-05-01",
                "2005-04-01"));
        assertThat(reversed.errors()).containsOnlyKeys("to");
    }

    @Test
    void everyViewWritesOneAuditEntryWithTheFilter() {
        var location = fixture.location("Outcomes test site audit");
        long before = audits();
        view(null, null, null, location, "2006-01-01", "2006-12-31");
        assertThat(audits()).isEqualTo(before + 1);
        var details = jdbc.sql("SELECT details FROM audit_entry WHERE action = 'OUTCOMES_VIEWED' ORDER BY seq DESC LIMIT 1")
                .query(String.class).single();
        assertThat(details).contains("location=" + location).contains("from=2006-01-01").contains("courses=0");
    }

    private long audits() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'OUTCOMES_VIEWED'").query(Long.class).single();
    }

    private List<UUID> plans(@Nullable String modality, @Nullable String protocol, @Nullable UUID therapist,
            @Nullable UUID location, String from, String to) {
        return TestAccounts.runAs(prescriber, () -> dashboard.courses(dashboard.filter(modality, protocol,
                therapist == null ? null : therapist.toString(), location == null ? null : location.toString(), from,
                to))).stream().map(CourseOutcome::plan).toList();
    }

    private static Proportion rate(ClinicOutcomes o, String key) {
        return o.safety().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().value();
    }
}
