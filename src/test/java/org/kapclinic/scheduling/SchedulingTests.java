// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientId;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Booking rules, plan booking, history and the views, on H2 and PostgreSQL. */
@ClinicIntegrationTest
class SchedulingTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Appointments appointments;

    @Autowired
    Schedules schedules;

    @Autowired
    Locations locations;

    @Autowired
    StaffBlocks blocks;

    @Autowired
    ClinicCalendar calendar;

    record Site(UUID location, List<UUID> chairs, UUID therapyRoom, ClinicUser admin, ClinicUser coordinator) {}

    /** A location with {@code chairs} chairs and one therapy room; the name sorts first, so plan booking tries it. */
    Site site(int chairs) {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var location = TestAccounts.runAs(admin, () -> locations.addLocation("0 Test " + UUID.randomUUID(), "Synthetic"));
        TestAccounts.runAs(admin, () -> locations.addRoom(location, "Treatment", Place.RoomKind.TREATMENT, chairs));
        var room = TestAccounts.runAs(admin, () -> locations.addRoom(location, "Therapy", Place.RoomKind.THERAPY, 0));
        var chairIds = locations.find(location).orElseThrow().chairs().stream().map(Place.Chair::id).toList();
        return new Site(location, chairIds, room, admin, coordinator);
    }

    void staff(Site site, StaffBlock.Kind kind, ClinicUser who, LocalDate day, LocalTime from, LocalTime to, int weeks) {
        TestAccounts.runAs(site.coordinator(), () -> blocks.add(who.id().value(), site.location(), kind, day, from, to, weeks));
    }

    Appointment dosing(Site site, PatientId patient, Modality modality, LocalDate day, LocalTime dose, UUID chair) {
        return TestAccounts.runAs(site.coordinator(), () -> appointments.book(new Appointments.NewAppointment(patient,
                AppointmentType.DOSING, modality, site.location(), chair, null, null, day, dose, null)));
    }

    PatientId patient() {
        return CareTeamFixture.create(context).patient();
    }

    @Test
    void anEsketamineChairIsHeldForChecksDosingTwoHoursOfObservationAndABuffer() {
        var site = site(2);
        var day = PlanFixtures.businessDayAfter(context, 10);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        staff(site, StaffBlock.Kind.NURSE_SHIFT, nurse, day, LocalTime.of(8, 0), LocalTime.of(17, 0), 1);
        staff(site, StaffBlock.Kind.PRESCRIBER_ON_SITE, prescriber, day, LocalTime.of(8, 0), LocalTime.of(17, 0), 1);
        var a = dosing(site, patient(), Modality.ESKETAMINE, day, LocalTime.of(9, 0), null);
        var zone = calendar.zone();
        assertThat(a.startsAt().atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(8, 40));
        // 20 min checks + 15 min dosing + 120 min observation + 15 min buffer
        assertThat(Duration.between(a.startsAt(), a.endsAt())).isEqualTo(Duration.ofMinutes(170));
        assertThat(a.doseAt().atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void aChairAPatientAndAClinicianAreNeverDoubleBookedAndTheRefusalSaysWhatClashes() {
        var site = site(2);
        var day = PlanFixtures.businessDayAfter(context, 11);
        var nurse = TestAccounts.create(context, Role.NURSE);
        staff(site, StaffBlock.Kind.NURSE_SHIFT, nurse, day, LocalTime.of(8, 0), LocalTime.of(17, 0), 1);
        var first = patient();
        var chair = site.chairs().get(0);
        dosing(site, first, Modality.IV_KETAMINE, day, LocalTime.of(9, 0), chair);
        assertThatThrownBy(() -> dosing(site, patient(), Modality.IV_KETAMINE, day, LocalTime.of(10, 0), chair))
                .isInstanceOf(BookingRefused.class).hasMessageContaining("Chair 1 is taken " + day + " 08:40–10:55.");
        assertThatThrownBy(() -> dosing(site, first, Modality.IV_KETAMINE, day, LocalTime.of(10, 0), site.chairs().get(1)))
                .hasMessageContaining("The patient already has Dosing session " + day + " 08:40–10:55.");
        // with no chair named, the free one is taken
        assertThat(dosing(site, patient(), Modality.IV_KETAMINE, day, LocalTime.of(10, 0), null).chairId())
                .isEqualTo(site.chairs().get(1));
        assertThatThrownBy(() -> dosing(site, patient(), Modality.IV_KETAMINE, day, LocalTime.of(10, 0), null))
                .hasMessageContaining("Every chair at").hasMessageContaining("is taken");

        var therapist = TestAccounts.create(context, Role.THERAPIST);
        TestAccounts.runAs(site.coordinator(), () -> appointments.book(new Appointments.NewAppointment(patient(),
                AppointmentType.INTEGRATION, null, site.location(), null, null, therapist.id().value(), day,
                LocalTime.of(14, 0), null)));
        assertThatThrownBy(() -> TestAccounts.runAs(site.coordinator(), () -> appointments.book(
                new Appointments.NewAppointment(patient(), AppointmentType.THERAPY, null, site.location(), null, null,
                        therapist.id().value(), day, LocalTime.of(14, 30), null))))
                .hasMessageContaining("already has an appointment " + day + " 14:00–14:50.")
                .hasMessageContaining("Therapy is booked " + day + " 14:00–14:50.");
    }

    @Test
    void oneNurseMonitorsAtMostFourDosingPatientsAtOnce() {
        var site = site(6);
        var day = PlanFixtures.businessDayAfter(context, 12);
        assertThatThrownBy(() -> dosing(site, patient(), Modality.IV_KETAMINE, day, LocalTime.of(9, 0), null))
                .hasMessageContaining("No nurse is on shift at 08:40 to monitor a dosing patient.");
        var nurse = TestAccounts.create(context, Role.NURSE);
        staff(site, StaffBlock.Kind.NURSE_SHIFT, nurse, day, LocalTime.of(8, 0), LocalTime.of(17, 0), 1);
        for (int i = 0; i < 4; i++) {
            dosing(site, patient(), Modality.IV_KETAMINE, day, LocalTime.of(9, 0).plusMinutes(10L * i), null);
        }
        assertThatThrownBy(() -> dosing(site, patient(), Modality.IV_KETAMINE, day, LocalTime.of(9, 50), null))
                .hasMessageContaining("Nurse capacity: 5 dosing patients at 09:30 but 1 nurse on shift (1 nurse to 4 chairs).");
        var second = TestAccounts.create(context, Role.NURSE);
        staff(site, StaffBlock.Kind.NURSE_SHIFT, second, day, LocalTime.of(9, 0), LocalTime.of(13, 0), 1);
        dosing(site, patient(), Modality.IV_KETAMINE, day, LocalTime.of(9, 50), null);
    }

    @Test
    void esketamineNeedsAPrescriberOnSiteForTheWholeAppointment() {
        var site = site(2);
        var day = PlanFixtures.businessDayAfter(context, 13);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        staff(site, StaffBlock.Kind.NURSE_SHIFT, nurse, day, LocalTime.of(8, 0), LocalTime.of(17, 0), 1);
        staff(site, StaffBlock.Kind.PRESCRIBER_ON_SITE, prescriber, day, LocalTime.of(8, 0), LocalTime.of(11, 0), 1);
        assertThatThrownBy(() -> dosing(site, patient(), Modality.ESKETAMINE, day, LocalTime.of(9, 0), null))
                .hasMessageContaining("No prescriber is on site for the whole appointment " + day
                        + " 08:40–11:30: esketamine needs one.");
        // IV ketamine needs no prescriber coverage
        dosing(site, patient(), Modality.IV_KETAMINE, day, LocalTime.of(9, 0), null);
        staff(site, StaffBlock.Kind.PRESCRIBER_ON_SITE, prescriber, day, LocalTime.of(8, 30), LocalTime.of(12, 0), 1);
        dosing(site, patient(), Modality.ESKETAMINE, day, LocalTime.of(9, 0), null);
        // a nurse cannot be entered as prescriber coverage
        assertThatThrownBy(() -> staff(site, StaffBlock.Kind.PRESCRIBER_ON_SITE, nurse, day, LocalTime.of(8, 0),
                LocalTime.of(9, 0), 1)).hasMessageStartingWith("account: choose an active prescriber");
    }

    @Test
    void cancellingAndReschedulingKeepTheHistory() {
        var site = site(2);
        var day = PlanFixtures.businessDayAfter(context, 14);
        var nurse = TestAccounts.create(context, Role.NURSE);
        staff(site, StaffBlock.Kind.NURSE_SHIFT, nurse, day, LocalTime.of(8, 0), LocalTime.of(17, 0), 2);
        var patient = patient();
        var a = dosing(site, patient, Modality.IV_KETAMINE, day, LocalTime.of(9, 0), null);
        var moved = TestAccounts.runAs(site.coordinator(), () -> appointments.reschedule(a.id(), day.plusWeeks(1),
                LocalTime.of(10, 0), "Patient asked for the next week"));
        assertThat(moved.replaces()).isEqualTo(a.id());
        TestAccounts.runAs(site.coordinator(), () -> appointments.cancel(moved.id(), "Unwell"));
        var all = TestAccounts.runAs(site.coordinator(), () -> appointments.forPatient(patient));
        assertThat(all).extracting(Appointment::status).containsExactly(Appointment.Status.CANCELLED,
                Appointment.Status.RESCHEDULED);
        assertThat(all).extracting(Appointment::changeReason).containsExactly("Unwell", "Patient asked for the next week");
        assertThatThrownBy(() -> TestAccounts.runAs(site.coordinator(), () -> appointments.cancel(moved.id(), "again")))
                .hasMessageContaining("no longer booked");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE patient_id = :p AND action LIKE 'APPOINTMENT_%'")
                .param("p", patient.value()).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void approvingAPlanBooksItsSessionsAndTheDayViewShowsThem() {
        var site = site(4);
        var f = CareTeamFixture.create(context);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var start = PlanFixtures.businessDayAfter(context, 7);
        for (int d = 0; d < 7; d++) {
            staff(site, StaffBlock.Kind.NURSE_SHIFT, nurse, start.plusDays(d), LocalTime.of(7, 0), LocalTime.of(18, 0), 5);
        }
        var planId = PlanFixtures.approved(context, f.patient(), f.prescriber());
        var booked = TestAccounts.runAs(site.coordinator(), () -> appointments.forPatient(f.patient()));
        var doses = booked.stream().filter(a -> a.type() == AppointmentType.DOSING).toList();
        assertThat(doses).hasSize(6).allSatisfy(a -> {
            assertThat(a.planId()).isEqualTo(planId);
            assertThat(a.doseAt().atZone(calendar.zone()).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        });
        assertThat(booked).filteredOn(a -> a.type() == AppointmentType.FOLLOW_UP)
                .allSatisfy(a -> assertThat(a.clinicianId()).isEqualTo(f.prescriber().id().value())).isNotEmpty();
        assertThat(TestAccounts.runAs(site.coordinator(), () -> appointments.unbooked(f.patient()))).isEmpty();

        var firstDay = doses.get(doses.size() - 1).doseAt().atZone(calendar.zone()).toLocalDate();
        // other tests' sites may sort first and take a dose; the day view of wherever the first dose went shows it
        var where = doses.get(doses.size() - 1).locationId();
        var view = TestAccounts.runAs(site.coordinator(), () -> schedules.day(where, firstDay));
        if (where.equals(site.location())) {
            assertThat(view.columns()).extracting(DayView.Column::name).containsExactly("Chair 1", "Chair 2", "Chair 3",
                    "Chair 4", "Therapy");
        }
        var cell = view.rows().stream().flatMap(r -> r.cells().stream())
                .filter(c -> c.entry() != null && c.entry().appointment().patientId().equals(f.patient().value()))
                .findFirst().orElseThrow();
        assertThat(cell.entry().patient()).contains(f.family());
        assertThat(cell.rows()).isEqualTo(10); // 08:40-10:55 (20 + 40 + 60 + 15 min) in 15-minute rows: 08:30 to 11:00
        assertThat(cell.entry().transportUnconfirmed()).isTrue();
        assertThat(view.unconfirmedTransport()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void changesToAnApprovedPlanMoveCancelAndAddItsAppointmentsAndEndingItCancelsTheRest() {
        var site = site(2);
        var f = CareTeamFixture.create(context);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var start = PlanFixtures.businessDayAfter(context, 150);
        for (int d = 0; d < 7; d++) {
            staff(site, StaffBlock.Kind.NURSE_SHIFT, nurse, start.plusDays(d), LocalTime.of(7, 0), LocalTime.of(18, 0), 8);
        }
        var planId = PlanFixtures.approved(context, f.patient(), f.prescriber(), 150);
        var plans = context.getBean(org.kapclinic.treatmentplans.TreatmentPlans.class);
        var plan = TestAccounts.runAs(f.prescriber(), () -> plans.plans(f.patient())).get(0);
        var second = plan.liveItems().stream().filter(i -> "Dose 2".equals(i.label())).findFirst().orElseThrow();
        var third = plan.liveItems().stream().filter(i -> "Dose 3".equals(i.label())).findFirst().orElseThrow();
        var newDay = third.at().atZone(calendar.zone()).toLocalDate().plusDays(1);
        while (!calendar.current().isBusinessDay(newDay)) {
            newDay = newDay.plusDays(1);
        }
        var moveTo = newDay;
        TestAccounts.runAs(f.prescriber(), () -> plans.move(f.patient(), planId, third.id(), moveTo, LocalTime.of(11, 0),
                "Clinic closed that morning"));
        TestAccounts.runAs(f.prescriber(), () -> plans.cancel(f.patient(), planId, second.id(), "Unwell"));
        var extra = start.plusDays(40);
        while (!calendar.current().isBusinessDay(extra)) {
            extra = extra.plusDays(1);
        }
        var extraDay = extra;
        TestAccounts.runAs(f.prescriber(), () -> plans.addDose(f.patient(), planId, extraDay, null, "One more"));
        var booked = TestAccounts.runAs(site.coordinator(), () -> appointments.forPatient(f.patient())).stream()
                .filter(a -> a.type() == AppointmentType.DOSING).toList();
        assertThat(booked).filteredOn(a -> a.label().equals("Dose 2")).extracting(Appointment::status)
                .containsExactly(Appointment.Status.CANCELLED);
        assertThat(booked).filteredOn(a -> a.label().equals("Dose 3")).extracting(Appointment::status)
                .containsExactlyInAnyOrder(Appointment.Status.BOOKED, Appointment.Status.RESCHEDULED);
        assertThat(booked).filteredOn(a -> a.label().equals("Dose 3") && a.booked()).singleElement()
                .satisfies(a -> assertThat(a.doseAt().atZone(calendar.zone()).toLocalDateTime())
                        .isEqualTo(moveTo.atTime(11, 0)));
        assertThat(booked).filteredOn(a -> a.label().equals("Dose 7") && a.booked()).hasSize(1);

        TestAccounts.runAs(f.prescriber(), () -> plans.end(f.patient(), planId,
                org.kapclinic.treatmentplans.TreatmentPlan.EndDecision.STOP, "Patient chose to stop"));
        assertThat(TestAccounts.runAs(site.coordinator(), () -> appointments.forPatient(f.patient())))
                .noneMatch(Appointment::booked);
    }

    @Test
    void aPlanThatCannotBeBookedListsWhatClashed() {
        var f = CareTeamFixture.create(context);
        var site = site(1); // no nurse on shift at this site, and none anywhere that far ahead
        PlanFixtures.approved(context, f.patient(), f.prescriber(), 300);
        var unbooked = TestAccounts.runAs(site.coordinator(), () -> appointments.unbooked(f.patient()));
        assertThat(unbooked).isNotEmpty();
        assertThat(unbooked.get(0).reason()).contains("No nurse is on shift");
        // the day view lists it for coordinators, by name, and the home card counts it
        assertThat(TestAccounts.runAs(site.coordinator(), () -> appointments.unbookedEverywhere()))
                .anySatisfy(row -> assertThat(row.patient()).contains(f.family()));
        var card = context.getBean(ScheduleHomeCard.class).cardFor(site.coordinator()).orElseThrow();
        assertThat(card.text()).contains("still to book");
        assertThat(card.needsAttention()).isTrue();
    }

    @Test
    void theWeekViewListsAClinicianAppointmentsByDay() {
        var site = site(1);
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var monday = PlanFixtures.businessDayAfter(context, 20).with(java.time.DayOfWeek.MONDAY).plusWeeks(1);
        var days = new ArrayList<LocalDate>();
        for (int d = 0; d < 5; d++) {
            if (calendar.current().isBusinessDay(monday.plusDays(d))) {
                days.add(monday.plusDays(d));
            }
        }
        for (var day : days.subList(0, 2)) {
            TestAccounts.runAs(site.coordinator(), () -> appointments.book(new Appointments.NewAppointment(patient(),
                    AppointmentType.PREPARATION, null, site.location(), null, null, therapist.id().value(), day,
                    LocalTime.of(13, 0), null)));
        }
        var week = TestAccounts.runAs(therapist, () -> schedules.week(therapist.id().value(), monday.plusDays(2)));
        assertThat(week.monday()).isEqualTo(monday);
        assertThat(week.days().get(days.get(0))).hasSize(1);
        assertThat(week.days().get(days.get(1))).extracting(e -> e.times()).containsExactly("13:00–13:50");
    }
}
