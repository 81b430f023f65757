// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.kapclinic.patients.PatientId;
import org.kapclinic.security.Role;
import org.kapclinic.timeline.TimelineEntry;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineSource;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on the care timeline: a signed note at the time of the session it records ("Integration note signed", its
 * first words), the reader's own drafts, amendments and patients' amendment requests, in one query. What the reader
 * may not see is filtered in the query as on the notes list ({@link NoteRepository#READABLE}): psychotherapy notes
 * only for their author and the author's supervisor, other clinicians' drafts never. The timeline audits the page;
 * this source does not.
 */
@Component
class NoteTimeline implements TimelineSource {

    private static final String QUERY = """
            SELECT * FROM (
            SELECT 'NOTE' AS row_kind, n.id AS note_id, n.note_type, n.status, n.author_name AS who, n.preview AS text,
                CASE WHEN n.status = 'SIGNED' THEN COALESCE(n.held_at, n.signed_at) ELSE n.updated_at END AS at
            FROM therapy_note n
            WHERE n.patient_id = :p AND %1$s
                AND CASE WHEN n.status = 'SIGNED' THEN COALESCE(n.held_at, n.signed_at) ELSE n.updated_at END >= :from
                AND CASE WHEN n.status = 'SIGNED' THEN COALESCE(n.held_at, n.signed_at) ELSE n.updated_at END < :to
            UNION ALL
            SELECT 'AMENDMENT', n.id, n.note_type, a.kind, a.added_by_name, a.reason, a.added_at
            FROM note_amendment a JOIN therapy_note n ON n.id = a.note_id
            WHERE a.patient_id = :p AND %1$s AND a.added_at >= :from AND a.added_at < :to
            UNION ALL
            SELECT 'REQUEST', n.id, n.note_type, r.status, '', r.what_is_wrong, r.requested_at
            FROM note_amendment_request r JOIN therapy_note n ON n.id = r.note_id
            WHERE r.patient_id = :p AND %1$s AND r.requested_at >= :from AND r.requested_at < :to
            ) u ORDER BY at DESC LIMIT :limit
            """.formatted(NoteRepository.READABLE);

    private final JdbcClient jdbc;
    private final NoteAccess access;

    NoteTimeline(JdbcClient jdbc, NoteAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public Set<TimelineKind> kinds() {
        return Set.of(TimelineKind.NOTE);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> entries(PatientId patient, TimelineWindow window) {
        if (!window.wants(TimelineKind.NOTE)) {
            return List.of();
        }
        var user = access.user();
        if (!user.hasAnyRole(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER)) {
            return List.of();
        }
        return jdbc.sql(QUERY).param("p", patient.value()).params(NoteRepository.readable(access.me(),
                        access.supervisees()))
                .param("from", NoteRepository.utc(window.from())).param("to", NoteRepository.utc(window.to()))
                .param("limit", window.limit())
                .query((rs, n) -> entry(rs.getString("row_kind"), rs.getObject("note_id", UUID.class),
                        NoteType.valueOf(rs.getString("note_type")), rs.getString("status"), rs.getString("who"),
                        rs.getString("text"), NoteRepository.instant(rs, "at")))
                .list();
    }

    private static TimelineEntry entry(String row, UUID note, NoteType type, String status, String who, String text,
            java.time.Instant at) {
        var href = "/notes/" + note;
        return switch (row) {
            case "NOTE" -> "SIGNED".equals(status)
                    ? new TimelineEntry(at, TimelineKind.NOTE, type.label() + " signed", detail(who, text), href, false)
                    : new TimelineEntry(at, TimelineKind.NOTE, type.label() + ", your draft", detail(who, text), href,
                            true);
            case "AMENDMENT" -> new TimelineEntry(at, TimelineKind.NOTE,
                    NoteAmendment.Kind.valueOf(status).label() + " to a " + type.label().toLowerCase(),
                    detail(who, text), href, false);
            default -> new TimelineEntry(at, TimelineKind.NOTE, "Patient asked to amend a " + type.label().toLowerCase(),
                    AmendmentRequest.Status.valueOf(status).label() + ": " + shorten(text), href,
                    "PENDING".equals(status));
        };
    }

    private static String detail(String who, String text) {
        var words = shorten(text);
        return words.isEmpty() ? who : who + ": " + words;
    }

    private static String shorten(String text) {
        var flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 100 ? flat : flat.substring(0, 99).stripTrailing() + "…";
    }
}
