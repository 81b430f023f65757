// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.calendar.ClinicCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads: the patient's own signed notes as plain text (portal; psychotherapy notes only when policy allows), and
 * the admin's full-clinic export as JSON lines, every note of every patient with its amendments and requests,
 * psychotherapy notes included and marked. Both are audited.
 */
@Service
@Transactional
public class NoteExports {

    private static final int PAGE = 500;

    private final TherapyNotes notes;
    private final NoteRepository repository;
    private final NoteAccess access;
    private final ClinicCalendar calendar;
    private final JsonMapper json;

    NoteExports(TherapyNotes notes, NoteRepository repository, NoteAccess access, ClinicCalendar calendar,
            JsonMapper json) {
        this.notes = notes;
        this.repository = repository;
        this.access = access;
        this.calendar = calendar;
        this.json = json;
    }

    /** The signed-in patient's notes as text (audited by {@link TherapyNotes#forPatientExport}). */
    @PreAuthorize("hasRole('PATIENT')")
    public String ownText() {
        var own = access.ownPatient();
        var patient = access.patient(own);
        var exported = notes.forPatientExport(own, ExportedNote.Audience.PATIENT);
        return NoteText.write(patient.displayName(), exported, calendar.zone(), access.now());
    }

    /** Writes every note of the clinic as JSON lines, one note per line; returns how many. */
    @PreAuthorize("hasRole('ADMIN')")
    public int clinicJsonLines(Writer out) {
        int count = 0;
        int protectedNotes = 0;
        UUID after = null;
        try {
            while (true) {
                var page = repository.page(after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                var ids = page.stream().map(n -> n.id().value()).toList();
                var amendments = repository.amendments(ids);
                var requests = repository.requests(ids);
                for (var n : page) {
                    out.write(json.writeValueAsString(line(n,
                            amendments.stream().filter(a -> a.noteId().equals(n.id())).toList(),
                            requests.stream().filter(r -> r.noteId().equals(n.id())).toList())));
                    out.write('\n');
                    count++;
                    protectedNotes += n.type().protectedNote() ? 1 : 0;
                }
                after = page.get(page.size() - 1).id().value();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        access.record(AuditRecord.success("NOTES_EXPORTED_CLINIC")
                .withDetails(count + " notes, " + protectedNotes + " psychotherapy notes (marked)"));
        return count;
    }

    private static LinkedHashMap<String, @Nullable Object> line(Note n, List<NoteAmendment> amendments,
            List<AmendmentRequest> requests) {
        var m = new LinkedHashMap<String, @Nullable Object>();
        m.put("noteId", n.id().value());
        m.put("patientId", n.patientId().value());
        m.put("type", n.type().name());
        m.put("psychotherapyNote", n.type().protectedNote());
        m.put("status", n.status().name());
        m.put("appointmentId", n.appointmentId());
        m.put("heldAt", n.heldAt());
        m.put("dosingSessionId", n.dosingSessionId());
        m.put("authorId", n.authorId());
        m.put("author", n.authorName());
        m.put("sections", n.sections());
        m.put("measures", n.measures());
        m.put("createdAt", n.createdAt());
        m.put("signedAt", n.signedAt());
        m.put("signedBy", n.signedBy());
        m.put("amendments", amendments);
        m.put("amendmentRequests", requests);
        return m;
    }
}
