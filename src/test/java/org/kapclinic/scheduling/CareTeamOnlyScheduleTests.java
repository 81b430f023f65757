// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/**
 * With care-team-only access: a nurse sees the patients booked for dosing today where they are on shift, and the day
 * view shows other clinicians' patients as initials.
 */
@ClinicIntegrationTest
@TestPropertySource(properties = "kap.access.care-team-only=true")
class CareTeamOnlyScheduleTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Appointments appointments;

    @Autowired
    Schedules schedules;

    @Autowired
    Locations locations;

    @Autowired
    StaffBlocks blocks;

    @Autowired
    Patients patients;

    @Autowired
    ClinicCalendar calendar;

    @AfterEach
    void realTime() {
        TestClock.INSTANCE.reset();
    }

    record Fixture(org.kapclinic.patients.PatientId patient, String family,
            org.kapclinic.security.ClinicUser therapist) {}

    /** With care-team-only on, the coordinator (who sees demographics) registers the record and assigns its team. */
    private Fixture withCareTeam(org.kapclinic.security.ClinicUser coordinator) {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var family = org.kapclinic.patients.PatientFixtures.uniqueFamily();
        var id = TestAccounts.runAs(coordinator, () -> {
            var created = patients.register(org.kapclinic.patients.PatientFixtures.details("Testa", family,
                    java.time.LocalDate.of(1984, 3, 4)));
            patients.assignCareTeam(created, therapist.id().value(), prescriber.id().value());
            return created;
        });
        return new Fixture(id, family, therapist);
    }

    @Test
    void aNurseOnShiftSeesTodaysDosingPatientsThereAndTheDayViewHidesOtherCareTeamsNames() {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var location = TestAccounts.runAs(admin, () -> locations.addLocation("Scope " + UUID.randomUUID(), "5 Test St"));
        TestAccounts.runAs(admin, () -> locations.addRoom(location, "Treatment", Place.RoomKind.TREATMENT, 2));
        var day = PlanFixtures.businessDayAfter(context, 3);
        TestAccounts.runAs(coordinator, () -> blocks.add(nurse.id().value(), location, StaffBlock.Kind.NURSE_SHIFT, day,
                LocalTime.of(8, 0), LocalTime.of(17, 0), 1));
        var dosed = withCareTeam(coordinator);
        var elsewhere = withCareTeam(coordinator);
        TestAccounts.runAs(coordinator, () -> appointments.book(new Appointments.NewAppointment(dosed.patient(),
                AppointmentType.DOSING, Modality.IV_KETAMINE, location, null, null, null, day, LocalTime.of(10, 0), null)));

        TestClock.INSTANCE.pin(day.atTime(7, 30).atZone(calendar.zone()).toInstant());
        assertThat(TestAccounts.runAs(nurse, () -> patients.forCare(dosed.patient())).id()).isEqualTo(dosed.patient());
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> patients.forCare(elsewhere.patient())))
                .isInstanceOf(AccessDeniedException.class);

        var otherTherapist = TestAccounts.create(context, Role.THERAPIST);
        var asOther = TestAccounts.runAs(otherTherapist, () -> schedules.day(location, day));
        var entry = asOther.rows().stream().flatMap(r -> r.cells().stream()).filter(c -> c.entry() != null).findFirst()
                .orElseThrow().entry();
        assertThat(entry.patient()).isEqualTo("T." + dosed.family().charAt(0) + ".").doesNotContain(dosed.family());
        var asTeam = TestAccounts.runAs(dosed.therapist(), () -> schedules.day(location, day));
        assertThat(asTeam.rows().stream().flatMap(r -> r.cells().stream()).filter(c -> c.entry() != null).findFirst()
                .orElseThrow().entry().patient()).contains(dosed.family());
    }
}
