// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.assessments.Questionnaires;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.dosing.DosingFixture;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientId;
import org.kapclinic.safety.AckAction;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.safety.SafetyAlerts;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ClinicIntegrationTest
class CareTimelineTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    CareTimeline timeline;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void gathersEverySourceForADosingPatientNewestFirstAndFiltersByKind() {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 31).cleared(context);
        TestClock.INSTANCE.advance(Duration.ofMinutes(5));
        var alert = TestAccounts.runAs(f.prescriber(), () -> context.getBean(SafetyAlerts.class)
                .flag(f.patient(), false, "Synthetic concern for the timeline test."));
        TestClock.INSTANCE.advance(Duration.ofMinutes(5));
        TestAccounts.runAs(f.prescriber(), () -> context.getBean(SafetyAlerts.class)
                .acknowledge(alert, AckAction.CALLED_PATIENT, "Synthetic call.", null));
        TestClock.INSTANCE.advance(Duration.ofMinutes(5));
        TestAccounts.runAs(f.prescriber(), () -> context.getBean(Questionnaires.class).sendLink(f.patient(), "phq9"));

        var page = TestAccounts.runAs(f.nurse(), () -> timeline.page(f.patient(), filter(null, null, null)));

        assertThat(page.entries()).extracting(TimelineEntry::kind).contains(TimelineKind.EVALUATION,
                TimelineKind.APPOINTMENT, TimelineKind.DOSING, TimelineKind.MEASURE, TimelineKind.ALERT,
                TimelineKind.MESSAGE);
        assertThat(page.entries()).isSortedAccordingTo((a, b) -> b.at().compareTo(a.at()));
        assertThat(page.entries().get(0)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TimelineKind.MESSAGE);
            assertThat(e.title()).startsWith("Email: A questionnaire from");
        });
        assertThat(page.entries()).filteredOn(e -> e.kind() == TimelineKind.DOSING).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Dosing session: Cleared to dose");
            assertThat(e.detail()).contains("peak BP 128/82").contains("lowest SpO2 98%");
            assertThat(e.href()).isEqualTo("/dosing/sessions/" + f.session());
        });
        assertThat(page.entries()).filteredOn(e -> e.kind() == TimelineKind.ALERT).extracting(TimelineEntry::title)
                .containsExactly("Safety alert acknowledged: Same business day",
                        "Safety alert raised: Same business day (clinician-concern)");
        assertThat(page.entries()).filteredOn(e -> e.kind() == TimelineKind.MEASURE).extracting(TimelineEntry::title)
                .anyMatch(t -> t.startsWith("ASQ"));
        assertThat(page.entries()).filteredOn(e -> e.kind() == TimelineKind.APPOINTMENT).extracting(TimelineEntry::title)
                .anyMatch(t -> t.startsWith("Booked: Dosing session, "));
        assertThat(page.entries()).filteredOn(e -> e.kind() == TimelineKind.EVALUATION).extracting(TimelineEntry::title)
                .contains("Eligibility decided: Eligible (Esketamine nasal spray (Spravato))")
                .anyMatch(t -> t.startsWith("Consent signed: "));
        assertThat(page.older()).isNull();

        var onlyAlertsAndDosing = TestAccounts.runAs(f.nurse(),
                () -> timeline.page(f.patient(), filter(List.of("ALERT", "dosing"), null, null)));
        assertThat(onlyAlertsAndDosing.entries()).extracting(TimelineEntry::kind)
                .containsOnly(TimelineKind.ALERT, TimelineKind.DOSING).hasSize(3);
    }

    @Test
    void aPlanShowsDraftedAndApprovedWithItsEvaluation() {
        var team = CareTeamFixture.create(context);
        PlanFixtures.approved(context, team.patient(), team.prescriber());

        var page = TestAccounts.runAs(team.therapist(), () -> timeline.page(team.patient(),
                filter(List.of("PLAN", "EVALUATION"), null, null)));

        assertThat(page.entries()).extracting(TimelineEntry::title)
                .anyMatch(t -> t.startsWith("Plan drafted: "))
                .anyMatch(t -> t.startsWith("Plan approved: "))
                .anyMatch(t -> t.startsWith("Evaluation started"));
        assertThat(page.entries()).filteredOn(e -> e.kind() == TimelineKind.PLAN)
                .allMatch(e -> e.href().equals("/patients/" + team.patient().value() + "/plan"));
    }

    @Test
    void theDateFilterIncludesTheFromDayAndTheWholeToDayInTheClinicTimeZone() {
        var team = CareTeamFixture.create(context);
        var zone = context.getBean(ClinicCalendar.class).zone();
        var from = LocalDate.of(2025, 3, 10);
        var to = LocalDate.of(2025, 3, 12);
        var fromMidnight = from.atStartOfDay(zone).toInstant();
        var afterTo = to.plusDays(1).atStartOfDay(zone).toInstant();
        measure(team.patient(), fromMidnight.minusNanos(1000), 1);      // the evening before: out
        measure(team.patient(), fromMidnight, 2);                         // from midnight: in
        measure(team.patient(), afterTo.minusNanos(1000), 3);             // the last microsecond of the to day: in
        measure(team.patient(), afterTo, 4);                              // midnight after the to day: out

        var page = TestAccounts.runAs(team.therapist(), () -> timeline.page(team.patient(),
                filter(List.of("MEASURE"), from.toString(), to.toString())));

        assertThat(page.entries()).extracting(TimelineEntry::title).containsExactly("PHQ-9 3", "PHQ-9 2");
        assertThat(page.window().from()).isEqualTo(fromMidnight);
        assertThat(page.window().to()).isEqualTo(afterTo);
    }

    @Test
    void pagesContinueStrictlyBeforeTheOldestEntryShownWithoutLosingEntriesThatShareAnInstant() {
        var team = CareTeamFixture.create(context);
        var start = Instant.parse("2024-01-01T15:00:00Z");
        var all = new HashSet<String>();
        for (int i = 0; i < 450; i++) {
            // three measures share each instant, so page boundaries fall inside a group
            var at = start.plus(Duration.ofHours(i / 3));
            measure(team.patient(), at, i % 28);
            all.add(at + "#" + i);
        }
        var seen = new ArrayList<TimelineEntry>();
        String before = null;
        int pages = 0;
        do {
            var cursor = before;
            var page = TestAccounts.runAs(team.therapist(), () -> timeline.page(team.patient(),
                    timeline.filter(List.of("MEASURE"), null, null, cursor)));
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(CareTimeline.PAGE_SIZE);
            if (!seen.isEmpty() && !page.entries().isEmpty()) {
                assertThat(page.entries().get(0).at()).isBefore(seen.get(seen.size() - 1).at());
            }
            seen.addAll(page.entries());
            before = page.older() == null ? null : page.older().toString();
            pages++;
        } while (before != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(all.size());
        assertThat(seen).isSortedAccordingTo((a, b) -> b.at().compareTo(a.at()));
    }

    @Test
    void writesOneAuditEntryPerViewWithTheFilter() throws Exception {
        var team = CareTeamFixture.create(context);
        var before = audited(team.patient());

        mvc.perform(get("/patients/{id}/timeline", team.patient().value()).param("kind", "MEASURE", "ALERT")
                .param("from", "2025-01-01").with(TestAccounts.as(team.therapist()))).andExpect(status().isOk());

        assertThat(audited(team.patient())).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                SELECT details FROM audit_entry WHERE patient_id = :p AND action = 'CARE_TIMELINE_VIEWED'""")
                .param("p", team.patient().value()).query(String.class).single())
                .startsWith("kinds=MEASURE,ALERT from=2025-01-01 to=- before=-");
    }

    @Test
    void theEndDateBeforeTheStartDateIsShownNextToTheFieldAndTheTypedDatesAreKept() throws Exception {
        var team = CareTeamFixture.create(context);
        mvc.perform(get("/patients/{id}/timeline", team.patient().value()).param("from", "2025-05-10")
                .param("to", "2025-05-01").with(TestAccounts.as(team.therapist())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "The end date must be on or after the start date.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"2025-05-10\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"2025-05-01\"")));
    }

    @Test
    void anUnreadableDateIsAFieldMessageOnThePageAndAProblemInTheApi() throws Exception {
        var team = CareTeamFixture.create(context);
        mvc.perform(get("/patients/{id}/timeline", team.patient().value()).param("from", "10/05/2025x")
                .param("kind", "NOT_A_KIND").with(TestAccounts.as(team.therapist())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter a date as YYYY-MM-DD")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"10/05/2025x\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Unknown type of entry")));
        mvc.perform(get("/api/v1/patients/{id}/timeline", team.patient().value()).param("to", "yesterday")
                .with(TestAccounts.as(team.therapist())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/patients/{id}/timeline", team.patient().value()).param("from", "1066-10-14")
                .with(TestAccounts.as(team.therapist())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Enter a date from 1990 on."));
    }

    @Test
    void theJsonTimelineListsEntriesNewestFirstWithTheCursorForOlderOnes() throws Exception {
        var team = CareTeamFixture.create(context);
        measure(team.patient(), Instant.parse("2025-02-01T15:00:00Z"), 7);
        measure(team.patient(), Instant.parse("2025-02-02T15:00:00Z"), 9);
        mvc.perform(get("/api/v1/patients/{id}/timeline", team.patient().value()).param("kind", "MEASURE")
                .with(TestAccounts.as(team.therapist())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(2))
                .andExpect(jsonPath("$.entries[0].title").value("PHQ-9 9"))
                .andExpect(jsonPath("$.entries[0].kind").value("MEASURE"))
                .andExpect(jsonPath("$.olderBefore").doesNotExist());
    }

    @Test
    void aPatientCannotOpenTheTimelineNotEvenTheirOwn() throws Exception {
        var team = CareTeamFixture.create(context);
        var patientUser = TestAccounts.create(context, Role.PATIENT);
        mvc.perform(get("/patients/{id}/timeline", team.patient().value()).with(TestAccounts.as(patientUser)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/patients/{id}/timeline", team.patient().value()).with(TestAccounts.as(patientUser)))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePageGroupsEntriesUnderAHeadingPerClinicDay() throws Exception {
        var team = CareTeamFixture.create(context);
        measure(team.patient(), Instant.parse("2025-02-01T15:00:00Z"), 7);
        measure(team.patient(), Instant.parse("2025-02-03T15:00:00Z"), 9);
        mvc.perform(get("/patients/{id}/timeline", team.patient().value()).with(TestAccounts.as(team.therapist())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<h3 id=\"day-2025-02-03\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<h3 id=\"day-2025-02-01\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<legend>Show</legend>")));
    }

    private TimelineFilter filter(List<String> kinds, String from, String to) {
        return timeline.filter(kinds, from, to, null);
    }

    private long audited(PatientId patient) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE patient_id = :p AND action = 'CARE_TIMELINE_VIEWED'")
                .param("p", patient.value()).query(Long.class).single();
    }

    /** A PHQ-9 total at an exact instant, written straight to the table so the instant is exact. */
    void measure(PatientId patient, Instant at, int total) {
        TimelineTestData.measure(jdbc, patient, at, total);
    }
}
