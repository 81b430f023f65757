// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.security.UserId;
import org.kapclinic.staff.ClinicalSupervision;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.springframework.context.ApplicationContext;

/**
 * A patient with a care team of their own (therapist and prescriber), and helpers to write their notes: drafts,
 * signed notes with every section filled, a portal account, a supervisor for the therapist, a therapy appointment.
 */
record NoteFixture(ApplicationContext context, CareTeamFixture team) {

    static NoteFixture create(ApplicationContext context) {
        return new NoteFixture(context, CareTeamFixture.create(context));
    }

    PatientId patient() {
        return team.patient();
    }

    ClinicUser therapist() {
        return team.therapist();
    }

    TherapyNotes notes() {
        return context.getBean(TherapyNotes.class);
    }

    NoteId draft(NoteType type) {
        return TestAccounts.runAs(therapist(), () -> notes().start(patient(), type, null));
    }

    /** A note by the care team's therapist with every section filled, signed. */
    NoteId signed(NoteType type) {
        return signed(type, therapist(), null);
    }

    NoteId signed(NoteType type, ClinicUser author, @Nullable UUID dosingSession) {
        return TestAccounts.runAs(author, () -> {
            var id = notes().start(patient(), type, null);
            notes().sign(id, new NoteDraft(complete(type), List.of(), null, dosingSession, 0));
            return id;
        });
    }

    /** Every section filled with synthetic text; readiness "ready". */
    static Map<String, String> complete(NoteType type) {
        var sections = new LinkedHashMap<String, String>();
        for (var s : type.sections()) {
            sections.put(s.key(), s.readiness() ? NoteRules.READY : "Synthetic " + s.label().toLowerCase() + ".");
        }
        return sections;
    }

    /** The patient's portal account (invited and loaded). */
    ClinicUser portalUser() {
        var patients = context.getBean(Patients.class);
        var invitation = TestAccounts.runAs(team.prescriber(), () -> patients.invitePortalAccount(patient()));
        return TestAccounts.load(context, invitation.email());
    }

    /** A new therapist who supervises the care team's therapist. */
    ClinicUser supervisor() {
        var supervisor = TestAccounts.create(context, Role.THERAPIST);
        var admin = TestAccounts.create(context, Role.ADMIN);
        TestAccounts.runAs(admin, () -> context.getBean(ClinicalSupervision.class)
                .setSupervisor(therapist().id(), new UserId(supervisor.id().value())));
        return supervisor;
    }

    /** A therapy appointment with the therapist five business days ahead at 10:00, in a location of its own. */
    Appointment therapyAppointment() {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var location = TestAccounts.runAs(admin, () -> context.getBean(Locations.class)
                .addLocation("Notes " + UUID.randomUUID().toString().substring(0, 8), "Synthetic address"));
        return TestAccounts.runAs(intake, () -> context.getBean(Appointments.class).book(
                new Appointments.NewAppointment(patient(), AppointmentType.THERAPY, null, location, null, null,
                        therapist().id().value(), PlanFixtures.businessDayAfter(context, 5), LocalTime.of(10, 0), null)));
    }
}
