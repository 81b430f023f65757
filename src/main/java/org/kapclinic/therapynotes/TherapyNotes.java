// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.patients.PatientId;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The therapy-notes module's entry point for clinicians: start a note (from an appointment or on its own), save the
 * draft (guarded by its version), sign and lock it, append amendments, list and open notes, and export a patient's
 * notes for an audience. Every read path filters what the reader may see ({@link NoteAccess}); every read and change is
 * audited in the same transaction, a refusal on its own.
 */
@Service
@Transactional
public class TherapyNotes {

    private final NoteRepository repository;
    private final NoteAccess access;
    private final NoteLinks links;
    private final NoteSettings settings;
    private final ApplicationEventPublisher events;

    TherapyNotes(NoteRepository repository, NoteAccess access, NoteLinks links, NoteSettings settings,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.access = access;
        this.links = links;
        this.settings = settings;
        this.events = events;
    }

    /** The patient's notes the reader may see (signed notes, their own drafts; psychotherapy notes filtered), newest first. */
    @PreAuthorize(NoteAccess.READERS)
    public List<Note> forPatient(PatientId patient) {
        access.patient(patient);
        var notes = repository.forPatient(patient, access.me(), access.supervisees());
        access.record(AuditRecord.patient("NOTES_LISTED", patient.value()).withDetails(notes.size() + " notes"));
        return notes;
    }

    /** Starts a draft of this type, linked to the patient's appointment when one is given. */
    @PreAuthorize(NoteAccess.WRITERS)
    public NoteId start(PatientId patient, @Nullable NoteType type, @Nullable UUID appointmentId) {
        return start(patient, type, appointmentId, null);
    }

    /**
     * Starts a draft that already names the dosing session it integrates (from the integration-due list); the session
     * must be one of the patient's ended sessions, and only integration and dosing-support notes link one.
     */
    @PreAuthorize(NoteAccess.WRITERS)
    public NoteId start(PatientId patient, @Nullable NoteType type, @Nullable UUID appointmentId,
            @Nullable UUID dosingSessionId) {
        access.patient(patient);
        if (type == null) {
            throw new IllegalArgumentException("type: choose the type of note.");
        }
        var appointment = appointmentId == null ? null : links.appointment(patient, appointmentId);
        UUID session = null;
        if (appointment != null && type.linksDosingSession() && appointment.type() == AppointmentType.DOSING) {
            session = links.sessionFor(patient, appointment.id()).map(s -> s.id()).orElse(null);
        }
        if (dosingSessionId != null && type.linksDosingSession()) {
            session = links.endedSession(patient, dosingSessionId).id();
        }
        var sections = new LinkedHashMap<String, String>();
        type.sections().forEach(s -> sections.put(s.key(), ""));
        var now = access.now();
        var user = access.user();
        var note = new Note(new NoteId(UUID.randomUUID()), patient, type, NoteStatus.DRAFT, appointmentId,
                appointment == null ? null : appointment.startsAt(), session, user.id().value(), user.displayName(),
                sections, List.of(), List.of(), "", now, now, null, null, 0);
        repository.insert(note, access.by());
        access.record("NOTE_STARTED", note, type.name() + (appointmentId == null ? "" : " appointment " + appointmentId));
        return note.id();
    }

    /** One note, if the reader may see it (a refusal is audited and answers 403). */
    @PreAuthorize(NoteAccess.READERS)
    public Note view(NoteId id) {
        var note = repository.find(id).orElseThrow(NoteNotFound::new);
        access.readable(note);
        access.record("NOTE_VIEWED", note, note.type().name());
        return note;
    }

    /** The note page: the note, what is appended, and what an editable draft can link to. */
    @PreAuthorize(NoteAccess.READERS)
    public NotePage page(NoteId id) {
        var note = repository.find(id).orElseThrow(NoteNotFound::new);
        var patient = access.readable(note);
        var user = access.user();
        boolean editable = !note.signed() && user.hasAnyRole(Role.THERAPIST, Role.PRESCRIBER);
        boolean mayAmend = note.signed() && user.hasAnyRole(Role.THERAPIST, Role.PRESCRIBER)
                && (!note.type().protectedNote() || note.authorId().equals(access.me()));
        var appointment = note.appointmentId() == null ? null
                : links.appointment(note.patientId(), note.appointmentId());
        var day = links.dayOf(note.heldAt(), note.createdAt());
        var page = new NotePage(note, patient, appointment, repository.amendments(List.of(id.value())),
                repository.requests(List.of(id.value())), editable, mayAmend,
                editable ? links.appointments(note.patientId()) : List.of(),
                editable && note.type().linksDosingSession() ? links.endedSessions(note.patientId()) : List.of(), day,
                editable ? links.measuresOn(note.patientId(), day) : List.of());
        access.record("NOTE_VIEWED", note, note.type().name());
        return page;
    }

    /** Saves the author's draft; refuses a signed note and a copy someone saved over since it was opened. */
    @PreAuthorize(NoteAccess.WRITERS)
    public Note save(NoteId id, NoteDraft draft) {
        var note = repository.find(id).orElseThrow(NoteNotFound::new);
        access.writable(note);
        var saved = write(note, draft);
        access.record("NOTE_DRAFT_SAVED", saved, note.type().name());
        return saved;
    }

    /**
     * Signs and locks the draft with what the form sent: required sections must be filled (each refusal names its
     * field), the ticked measures are copied into the note, and {@link NoteEvents.NoteSigned} is published.
     */
    @PreAuthorize(NoteAccess.WRITERS)
    public Note sign(NoteId id, NoteDraft draft) {
        var note = repository.find(id).orElseThrow(NoteNotFound::new);
        access.writable(note);
        var sections = NoteRules.clean(note.type(), draft.sections());
        var missing = NoteRules.missing(note.type(), sections,
                note.type().linksDosingSession() && draft.dosingSessionId() != null);
        if (!missing.isEmpty()) {
            throw NoteRules.incomplete(note.type(), missing);
        }
        var saved = write(note, draft);
        var ticked = Set.copyOf(saved.measureIds());
        var measures = ticked.isEmpty() ? List.<NoteMeasure>of()
                : links.measuresOn(saved.patientId(), links.dayOf(saved.heldAt(), saved.createdAt())).stream()
                        .filter(a -> ticked.contains(a.id().value())).map(links::snapshot).toList();
        var now = access.now();
        if (!repository.sign(id, saved.version(), measures, now, access.by())) {
            throw new NoteChangedConcurrently();
        }
        access.record("NOTE_SIGNED", saved, note.type().name() + ", " + measures.size() + " measures");
        events.publishEvent(new NoteEvents.NoteSigned(id.value(), saved.patientId().value(), note.type().name(),
                saved.appointmentId(), saved.dosingSessionId(), saved.authorId(),
                saved.heldAt() != null ? saved.heldAt() : now, now));
        return repository.find(id).orElseThrow(NoteNotFound::new);
    }

    /** Appends a correction to a signed note: who and when are recorded, the reason and the text are required. */
    @PreAuthorize(NoteAccess.WRITERS)
    public NoteAmendment amend(NoteId id, @Nullable String reason, @Nullable String text) {
        var note = repository.lock(id).orElseThrow(NoteNotFound::new);
        access.writable(note);
        if (!note.signed()) {
            throw new IllegalStateException("A draft is not amended: change it and sign it.");
        }
        var why = NoteRules.required("reason", reason, NoteRules.REASON_MAX, "say why the note is amended.");
        var body = NoteRules.required("text", text, NoteRules.AMENDMENT_MAX, "write the amendment.");
        var user = access.user();
        var amendment = new NoteAmendment(UUID.randomUUID(), id, NoteAmendment.Kind.CORRECTION, why, body, null,
                access.now(), access.by(), user.displayName());
        repository.insertAmendment(amendment, note.patientId());
        access.record("NOTE_AMENDED", note, why);
        return amendment;
    }

    /**
     * A patient's notes for an audience, oldest first, with what is appended to each. {@code PATIENT}: signed notes,
     * psychotherapy notes only when {@code kap.therapy-notes.psychotherapy-notes-in-patient-exports} allows; the
     * patient themselves or a clinician who may see the record. {@code CLINIC}: admins only, every signed note,
     * psychotherapy notes included (marked by {@link ExportedNote#psychotherapyNote()}). FHIR calls this too.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'THERAPIST', 'NURSE', 'PRESCRIBER', 'PATIENT')")
    public List<ExportedNote> forPatientExport(PatientId patient, ExportedNote.Audience audience) {
        List<Note> notes;
        if (audience == ExportedNote.Audience.CLINIC) {
            if (!access.user().hasRole(Role.ADMIN)) {
                throw new AccessDeniedException("The clinic export is for admins.");
            }
            notes = repository.signed(patient, EnumSet.allOf(NoteType.class));
        } else {
            access.patient(patient);
            notes = repository.signed(patient, patientFacingTypes());
        }
        var ids = notes.stream().map(n -> n.id().value()).toList();
        var amendments = repository.amendments(ids);
        var requests = repository.requests(ids);
        var exported = new ArrayList<ExportedNote>();
        for (var n : notes) {
            exported.add(new ExportedNote(n, amendments.stream().filter(a -> a.noteId().equals(n.id())).toList(),
                    requests.stream().filter(r -> r.noteId().equals(n.id())).toList()));
        }
        access.record(AuditRecord.patient("NOTES_EXPORTED", patient.value())
                .withDetails(audience.name() + ", " + exported.size() + " notes"));
        return exported;
    }

    /** The note types a patient-facing output may carry under the current policy. */
    Set<NoteType> patientFacingTypes() {
        var types = EnumSet.allOf(NoteType.class);
        if (!settings.psychotherapyNotesInPatientExports()) {
            types.remove(NoteType.PSYCHOTHERAPY);
        }
        return types;
    }

    private Note write(Note note, NoteDraft draft) {
        if (note.signed()) {
            throw new IllegalStateException("This note is signed and locked. Correct it with an amendment.");
        }
        var sections = NoteRules.clean(note.type(), draft.sections());
        var appointment = draft.appointmentId() == null ? null
                : links.appointment(note.patientId(), draft.appointmentId());
        var session = note.type().linksDosingSession() && draft.dosingSessionId() != null
                ? links.endedSession(note.patientId(), draft.dosingSessionId()).id() : null;
        var measures = draft.measureIds().stream().distinct().limit(50).toList();
        var preview = NoteRules.preview(note.type(), sections);
        var now = access.now();
        if (!repository.saveDraft(note.id(), draft.version(), draft.appointmentId(),
                appointment == null ? null : appointment.startsAt(), session, sections, measures, preview, now,
                access.by())) {
            throw new NoteChangedConcurrently();
        }
        return repository.find(note.id()).orElseThrow(NoteNotFound::new);
    }
}
