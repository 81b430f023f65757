// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.AssessmentView;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.assessments.InstrumentCatalogue;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.dosing.EndedSessions;
import org.kapclinic.patients.PatientId;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.Appointments;
import org.springframework.stereotype.Component;

/**
 * What a note links to in other modules, read through their entry points: the patient's appointments, the ended
 * dosing sessions an integration note can name, and the measures taken on the note's day. Each read is audited by
 * the module that owns it.
 */
@Component
class NoteLinks {

    private final Appointments appointments;
    private final EndedSessions sessions;
    private final Assessments assessments;
    private final InstrumentCatalogue instruments;
    private final ClinicCalendar calendar;

    NoteLinks(Appointments appointments, EndedSessions sessions, Assessments assessments,
            InstrumentCatalogue instruments, ClinicCalendar calendar) {
        this.appointments = appointments;
        this.sessions = sessions;
        this.assessments = assessments;
        this.instruments = instruments;
        this.calendar = calendar;
    }

    ZoneId zone() {
        return calendar.zone();
    }

    List<Appointment> appointments(PatientId patient) {
        return appointments.forPatient(patient).stream().filter(Appointment::booked).toList();
    }

    /** The patient's appointment, or a refusal naming the field. */
    Appointment appointment(PatientId patient, UUID id) {
        return appointments.find(id).filter(a -> a.patientId().equals(patient.value()))
                .orElseThrow(() -> new IllegalArgumentException("appointment: choose one of this patient's appointments."));
    }

    List<EndedSessions.Ended> endedSessions(PatientId patient) {
        return sessions.forPatient(patient);
    }

    /** The patient's ended dosing session, or a refusal naming the field. */
    EndedSessions.Ended endedSession(PatientId patient, UUID id) {
        return sessions.find(id).filter(s -> s.patientId().equals(patient))
                .orElseThrow(() -> new IllegalArgumentException(
                        "dosingSession: choose one of this patient's ended dosing sessions."));
    }

    Optional<EndedSessions.Ended> sessionFor(PatientId patient, UUID appointment) {
        return sessions.forPatient(patient).stream().filter(s -> s.appointmentId().equals(appointment)).findFirst();
    }

    /** The day a note's measures come from: the appointment's day in clinic time, else the day it was started. */
    LocalDate dayOf(@Nullable Instant heldAt, Instant createdAt) {
        return (heldAt != null ? heldAt : createdAt).atZone(calendar.zone()).toLocalDate();
    }

    /** The patient's assessments administered on that day (clinic time), oldest first. */
    List<AssessmentView> measuresOn(PatientId patient, LocalDate day) {
        var zone = calendar.zone();
        var from = day.atStartOfDay(zone).toInstant();
        var to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return assessments.history(patient, null).stream()
                .filter(a -> !a.administeredAt().isBefore(from) && a.administeredAt().isBefore(to)).toList();
    }

    String instrumentName(String code) {
        try {
            return instruments.get(code).name();
        } catch (RuntimeException unknown) {
            return code;
        }
    }

    NoteMeasure snapshot(AssessmentView a) {
        return new NoteMeasure(a.id().value(), a.instrument(), instrumentName(a.instrument()), a.total(), a.severity(),
                a.administeredAt());
    }
}
