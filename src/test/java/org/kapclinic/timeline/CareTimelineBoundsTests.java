// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.patients.PatientFixtures;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The timeline's bounds: who may open it when access is limited to care teams, and how many statements one page
 * costs. Both need their own application context (care-team-only access, a counting data source), so they share one.
 */
@ClinicIntegrationTest
@TestPropertySource(properties = "kap.access.care-team-only=true")
@Import(StatementCounter.Configuration.class)
class CareTimelineBoundsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Patients patients;

    @Autowired
    CareTimeline timeline;

    @Autowired
    List<TimelineSource> sources;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aNurseOrTherapistOutsideThePatientsCareTeamIsRefused() throws Exception {
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var mine = TestAccounts.create(context, Role.THERAPIST);
        var other = TestAccounts.create(context, Role.THERAPIST);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var patient = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Ada",
                PatientFixtures.uniqueFamily(), LocalDate.of(1980, 1, 1))));
        TestAccounts.runAs(intake, () -> patients.assignCareTeam(patient, mine.id().value(), null));

        mvc.perform(get("/patients/{id}/timeline", patient.value()).with(TestAccounts.as(mine)))
                .andExpect(status().isOk());
        mvc.perform(get("/patients/{id}/timeline", patient.value()).with(TestAccounts.as(nurse)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/patients/{id}/timeline", patient.value()).with(TestAccounts.as(other)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/patients/{id}/timeline", patient.value()).with(TestAccounts.as(nurse)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE patient_id = :p AND action = 'CARE_TIMELINE_VIEWED'")
                .param("p", patient.value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPageCostsTheSameNumberOfStatementsWhateverTheLengthOfTheHistory() {
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var patient = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Ada",
                PatientFixtures.uniqueFamily(), LocalDate.of(1980, 1, 1))));
        TestAccounts.runAs(intake, () -> patients.assignCareTeam(patient, therapist.id().value(), null));
        var start = Instant.parse("2023-06-01T15:00:00Z");
        TimelineTestData.measure(jdbc, patient, start, 5);

        var short_ = StatementCounter.during(() -> TestAccounts.runAs(therapist,
                () -> timeline.page(patient, timeline.filter(null, null, null, null))));
        for (int i = 1; i < 600; i++) {
            TimelineTestData.measure(jdbc, patient, start.plus(Duration.ofDays(i)), i % 28);
        }
        var long_ = StatementCounter.during(() -> TestAccounts.runAs(therapist,
                () -> timeline.page(patient, timeline.filter(null, null, null, null))));

        assertThat(long_).isEqualTo(short_);
        // one query per source, plus the access check and the audit entry, each of which also asks for the user's
        // active break-glass grants (ADR 027: one indexed select in the scope check, one indexed update by the marker)
        assertThat(long_).isLessThanOrEqualTo(sources.size() + 10);
    }
}
