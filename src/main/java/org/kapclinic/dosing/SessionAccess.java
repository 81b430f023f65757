// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.patients.PatientView;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * What every dosing entry point does first: load the session, check the caller may see the patient (care team, or a
 * nurse with the patient booked today), and later audit what it did. One place, so no entry point forgets.
 */
@Component
class SessionAccess {

    static final String CLINICIANS = "hasAnyRole('NURSE', 'PRESCRIBER')";
    static final String PRESCRIBER = "hasRole('PRESCRIBER')";

    final DosingRepository repository;
    private final Patients patients;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final ClinicCalendar calendar;
    private final Clock clock;

    SessionAccess(DosingRepository repository, Patients patients, AuditTrail audit, CurrentUser currentUser,
            ClinicCalendar calendar, Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.audit = audit;
        this.currentUser = currentUser;
        this.calendar = calendar;
        this.clock = clock;
    }

    record Opened(DosingSession session, PatientView patient) {}

    Opened read(UUID id) {
        var s = repository.find(id).orElseThrow(() -> new SessionNotFound(id));
        return new Opened(s, patients.forCare(s.patientId()));
    }

    /** Loads and locks the session for a change. */
    Opened change(UUID id) {
        var s = repository.lock(id).orElseThrow(() -> new SessionNotFound(id));
        return new Opened(s, patients.forCare(s.patientId()));
    }

    void audit(String action, DosingSession s, String details) {
        audit.record(AuditRecord.patient(action, s.patientId().value()).about("DosingSession", s.id().toString())
                .withDetails(details));
    }

    void auditPatient(String action, org.kapclinic.patients.PatientId patient, String details) {
        audit.record(AuditRecord.patient(action, patient.value()).withDetails(details));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(calendar.zone()));
    }

    ClinicCalendar calendar() {
        return calendar;
    }

    String user() {
        return currentUser.name();
    }
}
