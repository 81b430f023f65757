// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.LocalDate;
import org.kapclinic.patients.PatientFixtures;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.context.ApplicationContext;

/** A synthetic patient with an email and a care team of their own (a fresh therapist and prescriber). */
public record CareTeamFixture(PatientId patient, String email, String family, ClinicUser therapist, ClinicUser prescriber) {

    public static CareTeamFixture create(ApplicationContext context) {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var family = PatientFixtures.uniqueFamily();
        var details = PatientFixtures.details("Testa", family, LocalDate.of(1984, 3, 4));
        var patients = context.getBean(Patients.class);
        var id = TestAccounts.runAs(prescriber, () -> {
            var created = patients.register(details);
            patients.assignCareTeam(created, therapist.id().value(), prescriber.id().value());
            return created;
        });
        return new CareTeamFixture(id, details.email(), family, therapist, prescriber);
    }
}
