// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.assessments.Channel;
import org.kapclinic.patients.PatientFixtures;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** With care-team-only access, FHIR opens a record to its care team only, as the pages do (ADR 004, ADR 023). */
@ClinicIntegrationTest
@TestPropertySource(properties = "kap.access.care-team-only=true")
class FhirCareTeamOnlyTests {

    @Autowired
    ApplicationContext context;

    @Test
    void aClinicianOutsideTheCareTeamIsRefusedTheRecordItsSearchesAndEverything() throws Exception {
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var patients = context.getBean(Patients.class);
        var patient = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Ada",
                PatientFixtures.uniqueFamily(), LocalDate.of(1980, 1, 1))));
        TestAccounts.runAs(intake, () -> patients.assignCareTeam(patient, therapist.id().value(),
                prescriber.id().value()));
        TestAccounts.runAs(therapist, () -> context.getBean(Assessments.class).recordByClinician(patient, "mood",
                Map.of("1", 6), null, Channel.CLINICIAN));
        var outsider = TestAccounts.create(context, Role.THERAPIST);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var id = patient.value();
        for (var path : new String[] {"/fhir/Patient/" + id, "/fhir/Observation?patient=Patient/" + id,
                "/fhir/Patient/" + id + "/$everything"}) {
            assertThat(FhirRequests.get(context, path, therapist, null).getStatus()).as(path).isEqualTo(200);
            assertThat(FhirRequests.get(context, path, prescriber, null).getStatus()).as(path).isEqualTo(200);
            assertThat(FhirRequests.get(context, path, outsider, null).getStatus()).as(path).isEqualTo(403);
            assertThat(FhirRequests.get(context, path, nurse, null).getStatus()).as(path).isEqualTo(403);
        }
        assertThat(FhirRequests.get(context, "/fhir/Patient", outsider, null).getContentAsString())
                .doesNotContain(id.toString());
    }
}
