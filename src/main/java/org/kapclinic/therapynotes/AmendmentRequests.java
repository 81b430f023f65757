// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients read their signed notes in the portal (not psychotherapy notes) and ask for amendments (ONC 170.315(d)(4));
 * the author or any clinician who may read the note accepts (an amendment is appended, linked to the request) or
 * denies with a reason (the request and the denial are appended); after a denial the patient may add a statement of
 * disagreement. Every step is audited.
 */
@Service
@Transactional
public class AmendmentRequests {

    /** A note as the patient sees it: the note, what is appended, and their requests. */
    public record OwnNote(Note note, List<NoteAmendment> amendments, List<AmendmentRequest> requests) {}

    private final NoteRepository repository;
    private final NoteAccess access;

    AmendmentRequests(NoteRepository repository, NoteAccess access) {
        this.repository = repository;
        this.access = access;
    }

    /** The signed-in patient's signed notes, newest first; never psychotherapy notes (Cures Act: open notes). */
    @PreAuthorize("hasRole('PATIENT')")
    public List<Note> ownNotes() {
        var own = access.ownPatient();
        var notes = new java.util.ArrayList<>(repository.signed(own, portalTypes()));
        java.util.Collections.reverse(notes);
        access.record(AuditRecord.patient("NOTES_LISTED", own.value()).withDetails("portal, " + notes.size() + " notes"));
        return notes;
    }

    /** One of the patient's own signed notes; anything else is refused (audited, 403). */
    @PreAuthorize("hasRole('PATIENT')")
    public OwnNote ownNote(NoteId id) {
        var note = repository.find(id).orElseThrow(NoteNotFound::new);
        var own = access.ownPatient();
        if (!note.patientId().equals(own) || !note.signed() || note.type().protectedNote()) {
            throw access.denied(note, "portal: not the patient's own signed note");
        }
        access.record("NOTE_VIEWED", note, "portal");
        var ids = List.of(id.value());
        return new OwnNote(note, repository.amendments(ids), repository.requests(ids));
    }

    /** The patient asks for an amendment: what is wrong and what it should say (both required). */
    @PreAuthorize("hasRole('PATIENT')")
    public UUID request(NoteId id, @Nullable String whatIsWrong, @Nullable String shouldSay) {
        var note = ownNote(id).note();
        var wrong = NoteRules.required("whatIsWrong", whatIsWrong, 2000, "say what is wrong in the note.");
        var should = NoteRules.required("shouldSay", shouldSay, 2000, "say what the note should say instead.");
        var request = new AmendmentRequest(UUID.randomUUID(), id, note.patientId(), wrong, should,
                AmendmentRequest.Status.PENDING, access.now(), null, null, null, null, null);
        repository.insertRequest(request, access.by());
        access.record("NOTE_AMENDMENT_REQUESTED", note, "request " + request.id());
        return request.id();
    }

    /** The patient's statement of disagreement with a denial, once. */
    @PreAuthorize("hasRole('PATIENT')")
    public void disagree(UUID requestId, @Nullable String statement) {
        var request = repository.request(requestId).orElseThrow(NoteNotFound::new);
        var note = ownNote(request.noteId()).note();
        if (request.status() != AmendmentRequest.Status.DENIED) {
            throw new IllegalStateException("A statement of disagreement follows a denied request.");
        }
        var text = NoteRules.required("statement", statement, 2000, "write your statement of disagreement.");
        if (!repository.disagree(requestId, text, access.now())) {
            throw new IllegalStateException("Your statement of disagreement is already with this note.");
        }
        repository.insertAmendment(new NoteAmendment(UUID.randomUUID(), note.id(), NoteAmendment.Kind.DISAGREEMENT,
                "Patient's statement of disagreement with the denial", text, requestId, access.now(), access.by(),
                access.user().displayName()), note.patientId());
        access.record("NOTE_AMENDMENT_DISAGREEMENT_ADDED", note, "request " + requestId);
    }

    /** Accepts a pending request: the amendment text is appended to the note, linked to the request. */
    @PreAuthorize(NoteAccess.WRITERS)
    public void accept(UUID requestId, @Nullable String amendmentText) {
        var request = repository.request(requestId).orElseThrow(NoteNotFound::new);
        var note = repository.lock(request.noteId()).orElseThrow(NoteNotFound::new);
        access.writable(note);
        pending(request);
        var text = NoteRules.required("amendmentText", amendmentText, NoteRules.AMENDMENT_MAX,
                "write the amendment that is appended to the note.");
        var now = access.now();
        var name = access.user().displayName();
        if (!repository.decide(requestId, AmendmentRequest.Status.ACCEPTED, null, now, access.by(), name)) {
            throw new IllegalStateException("This request was decided meanwhile: reload the note.");
        }
        repository.insertAmendment(new NoteAmendment(UUID.randomUUID(), note.id(), NoteAmendment.Kind.REQUEST_ACCEPTED,
                "Patient's request of " + NoteText.date(request.requestedAt()) + ": " + request.whatIsWrong(), text,
                requestId, now, access.by(), name), note.patientId());
        access.record("NOTE_AMENDMENT_REQUEST_ACCEPTED", note, "request " + requestId);
    }

    /** Denies a pending request with a reason: the request and the denial are appended to the note. */
    @PreAuthorize(NoteAccess.WRITERS)
    public void deny(UUID requestId, @Nullable String reason) {
        var request = repository.request(requestId).orElseThrow(NoteNotFound::new);
        var note = repository.lock(request.noteId()).orElseThrow(NoteNotFound::new);
        access.writable(note);
        pending(request);
        var why = NoteRules.required("denialReason", reason, 2000, "say why the request is denied.");
        var now = access.now();
        var name = access.user().displayName();
        if (!repository.decide(requestId, AmendmentRequest.Status.DENIED, why, now, access.by(), name)) {
            throw new IllegalStateException("This request was decided meanwhile: reload the note.");
        }
        repository.insertAmendment(new NoteAmendment(UUID.randomUUID(), note.id(), NoteAmendment.Kind.REQUEST_DENIED,
                why, "The patient asked: " + request.whatIsWrong() + " It should say: " + request.shouldSay(),
                requestId, now, access.by(), name), note.patientId());
        access.record("NOTE_AMENDMENT_REQUEST_DENIED", note, "request " + requestId + ": " + why);
    }

    /** The note a request is about (the note page handles requests). */
    @PreAuthorize(NoteAccess.READERS)
    @Transactional(readOnly = true)
    public NoteId noteOf(UUID requestId) {
        return repository.request(requestId).orElseThrow(NoteNotFound::new).noteId();
    }

    /** The patient's own note a request is about; anyone else's is refused (audited, 403). */
    @PreAuthorize("hasRole('PATIENT')")
    public NoteId ownNoteOfRequest(UUID requestId) {
        var request = repository.request(requestId).orElseThrow(NoteNotFound::new);
        return ownNote(request.noteId()).note().id();
    }

    private static void pending(AmendmentRequest request) {
        if (!request.pending()) {
            throw new IllegalStateException("This request was already " + request.status().name().toLowerCase()
                    + ".");
        }
    }

    private java.util.Set<NoteType> portalTypes() {
        var types = java.util.EnumSet.allOf(NoteType.class);
        types.remove(NoteType.PSYCHOTHERAPY);
        return types;
    }
}
