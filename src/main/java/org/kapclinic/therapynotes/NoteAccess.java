// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientView;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserId;
import org.kapclinic.staff.ClinicalSupervision;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read and write which note (ADR 019), in one place so no entry point forgets:
 * <ul>
 * <li>therapists and prescribers write every type; nurses read, never write;</li>
 * <li>a draft is its author's alone until signed;</li>
 * <li>a psychotherapy note is read by its author and, once signed, by the author's clinical supervisor; nobody else,
 * whatever their role;</li>
 * <li>a patient reads their own signed notes, never psychotherapy notes.</li>
 * </ul>
 * The patient record's own access rule ({@link Patients#forCare}) applies first. A refusal is audited on its own (it
 * survives the refused transaction) and answers 403.
 */
@Component
class NoteAccess {

    static final String READERS = "hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')";
    static final String WRITERS = "hasAnyRole('THERAPIST', 'PRESCRIBER')";

    private final Patients patients;
    private final org.kapclinic.patients.PatientDirectory directory;
    private final CurrentUser currentUser;
    private final ClinicalSupervision supervision;
    private final AuditTrail audit;
    private final Clock clock;

    NoteAccess(Patients patients, org.kapclinic.patients.PatientDirectory directory, CurrentUser currentUser,
            ClinicalSupervision supervision, AuditTrail audit, Clock clock) {
        this.patients = patients;
        this.directory = directory;
        this.currentUser = currentUser;
        this.supervision = supervision;
        this.audit = audit;
        this.clock = clock;
    }

    ClinicUser user() {
        return currentUser.get();
    }

    UUID me() {
        return currentUser.get().id().value();
    }

    String by() {
        return currentUser.name();
    }

    Set<UUID> supervisees() {
        return supervision.supervisees(currentUser.get().id());
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The patient record, if the caller may see it (a patient: only their own). */
    PatientView patient(org.kapclinic.patients.PatientId id) {
        return patients.forCare(id);
    }

    /** The signed-in patient's own record (portal). */
    org.kapclinic.patients.PatientId ownPatient() {
        var own = directory.byAccount(me())
                .orElseThrow(() -> new AccessDeniedException("No patient record is linked to this account."));
        patients.forCare(own);
        return own;
    }

    /** True when the signed-in clinician may read this note (the patient's record access is checked separately). */
    boolean clinicianMayRead(Note note) {
        var user = user();
        if (!user.hasAnyRole(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER)) {
            return false;
        }
        boolean author = note.authorId().equals(user.id().value());
        if (!note.signed()) {
            return author;
        }
        if (note.type().protectedNote()) {
            return author || supervision.supervisorOf(new UserId(note.authorId()))
                    .map(s -> s.equals(user.id())).orElse(false);
        }
        return true;
    }

    /** Opens a note's patient for a clinician, and refuses (audited) a note they may not read. */
    PatientView readable(Note note) {
        var patient = patients.forCare(note.patientId());
        if (!clinicianMayRead(note)) {
            throw denied(note, "not the author" + (note.type().protectedNote() ? " or supervisor" : ""));
        }
        return patient;
    }

    /** As {@link #readable}, and the caller may write: the author of a draft; for a signed note any writer who may read. */
    PatientView writable(Note note) {
        var patient = readable(note);
        var user = user();
        if (!user.hasAnyRole(Role.THERAPIST, Role.PRESCRIBER)) {
            throw denied(note, "role may not write notes");
        }
        if (note.type().protectedNote() && !note.authorId().equals(user.id().value())) {
            throw denied(note, "only the author amends a psychotherapy note");
        }
        return patient;
    }

    AccessDeniedException denied(Note note, String why) {
        audit.recordIndependently(AuditRecord.patient("NOTE_ACCESS_DENIED", note.patientId().value())
                .about("TherapyNote", note.id().toString()).withOutcome(AuditRecord.Outcome.DENIED)
                .withDetails(note.type().name() + ": " + why));
        return new AccessDeniedException("You may not open this note.");
    }

    void record(String action, Note note, String details) {
        audit.record(AuditRecord.patient(action, note.patientId().value()).about("TherapyNote", note.id().toString())
                .withDetails(details));
    }

    void record(AuditRecord entry) {
        audit.record(entry);
    }
}
