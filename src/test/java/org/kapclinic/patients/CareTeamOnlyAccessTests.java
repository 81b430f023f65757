// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/** With kap.access.care-team-only, clinicians see their own care teams only; a nurse with no shift sees no one. */
@ClinicIntegrationTest
@TestPropertySource(properties = "kap.access.care-team-only=true")
class CareTeamOnlyAccessTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Patients patients;

    @Test
    void limitsTherapistsAndPrescribersToTheirCareTeams() {
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var mine = TestAccounts.create(context, Role.THERAPIST);
        var other = TestAccounts.create(context, Role.THERAPIST);
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var family = PatientFixtures.uniqueFamily();
        var patient = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Ada", family, LocalDate.of(1980, 1, 1))));
        TestAccounts.runAs(intake, () -> patients.assignCareTeam(patient, mine.id().value(), prescriber.id().value()));

        assertThat(TestAccounts.runAs(mine, () -> patients.search(family, false, 0)).total()).isEqualTo(1);
        assertThat(TestAccounts.runAs(prescriber, () -> patients.get(patient)).id()).isEqualTo(patient);
        assertThat(TestAccounts.runAs(other, () -> patients.search(family, false, 0)).total()).isZero();
        assertThatThrownBy(() -> TestAccounts.runAs(other, () -> patients.get(patient))).isInstanceOf(AccessDeniedException.class);
        assertThat(TestAccounts.runAs(nurse, () -> patients.search(family, false, 0)).total()).isZero();
        assertThat(TestAccounts.runAs(intake, () -> patients.search(family, false, 0)).total()).isEqualTo(1);
    }
}
