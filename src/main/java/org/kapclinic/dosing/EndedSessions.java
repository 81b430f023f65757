// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's dosing sessions that have ended, for therapists too (an integration note names the session it
 * integrates; the dosing pages themselves stay with nurses and prescribers). Only what a note needs is shown.
 */
@Service
@Transactional(readOnly = true)
public class EndedSessions {

    /** One ended session: when the dose started (null when none was given), how it ended, and when. */
    public record Ended(UUID id, PatientId patientId, UUID appointmentId, Modality modality,
            @Nullable Instant doseStartedAt, String status, Instant endedAt) {

        public boolean dosed() {
            return doseStartedAt != null;
        }
    }

    private final DosingRepository repository;
    private final Patients patients;
    private final AuditTrail audit;

    EndedSessions(DosingRepository repository, Patients patients, AuditTrail audit) {
        this.repository = repository;
        this.patients = patients;
        this.audit = audit;
    }

    /** The patient's ended sessions, newest first; the read is audited. */
    @PreAuthorize("hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')")
    @Transactional
    public List<Ended> forPatient(PatientId patient) {
        patients.forCare(patient);
        var list = repository.forPatient(patient).stream().filter(s -> s.end() != null).map(EndedSessions::ended)
                .toList();
        audit.record(AuditRecord.patient("DOSING_SESSIONS_LISTED", patient.value()).withDetails(list.size()
                + " ended sessions"));
        return list;
    }

    /** One ended session, checking the caller may see its patient; the caller audits what it does with it. */
    @PreAuthorize("hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')")
    public Optional<Ended> find(UUID sessionId) {
        var found = repository.find(sessionId).filter(s -> s.end() != null);
        found.ifPresent(s -> patients.forCare(s.patientId()));
        return found.map(EndedSessions::ended);
    }

    private static Ended ended(DosingSession s) {
        return new Ended(s.id(), s.patientId(), s.appointmentId(), s.modality(), s.doseStartedAt(),
                s.status().label(), s.end().at());
    }
}
