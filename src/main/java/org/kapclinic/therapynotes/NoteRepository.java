// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The notes tables. Sections, ticked measures and the measure snapshot are small JSON texts in the note row. */
@Repository
class NoteRepository {

    private static final TypeReference<LinkedHashMap<String, String>> SECTIONS = new TypeReference<>() {};
    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {};
    private static final TypeReference<List<NoteMeasure>> MEASURES = new TypeReference<>() {};
    /** Stands in for "nobody" in an IN list, which may not be empty. */
    static final UUID NOBODY = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NoteRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * What a clinician may list: signed notes and their own drafts; psychotherapy notes only their own or those of
     * the clinicians they supervise. {@code :me} and {@code :supervisees} are bound by {@link #readable}.
     */
    static final String READABLE = "(n.status = 'SIGNED' OR n.author_id = :me)"
            + " AND (n.note_type <> 'PSYCHOTHERAPY' OR n.author_id = :me"
            + " OR (n.status = 'SIGNED' AND n.author_id IN (:supervisees)))";

    static Map<String, Object> readable(UUID me, Set<UUID> supervisees) {
        return Map.of("me", me, "supervisees", supervisees.isEmpty() ? List.of(NOBODY) : List.copyOf(supervisees));
    }

    void insert(Note n, String by) {
        jdbc.sql("""
                INSERT INTO therapy_note (id, patient_id, note_type, status, appointment_id, held_at, dosing_session_id,
                    author_id, author_name, sections, measure_ids, measures, preview, created_at, created_by,
                    updated_at, updated_by, version)
                VALUES (:id, :patient, :type, 'DRAFT', :appointment, :held, :dosing, :author, :authorName, :sections,
                    :measureIds, NULL, :preview, :at, :by, :at, :by, 0)""")
                .param("id", n.id().value()).param("patient", n.patientId().value()).param("type", n.type().name())
                .param("appointment", n.appointmentId()).param("held", utc(n.heldAt()))
                .param("dosing", n.dosingSessionId()).param("author", n.authorId()).param("authorName", n.authorName())
                .param("sections", json.writeValueAsString(n.sections()))
                .param("measureIds", json.writeValueAsString(n.measureIds())).param("preview", n.preview())
                .param("at", utc(n.createdAt())).param("by", by).update();
    }

    /** Saves a draft if nobody saved it since {@code version}; false when someone did (or it is signed). */
    boolean saveDraft(NoteId id, long version, @Nullable UUID appointment, @Nullable Instant heldAt,
            @Nullable UUID dosingSession, Map<String, String> sections, List<UUID> measureIds, String preview,
            Instant at, String by) {
        return jdbc.sql("""
                UPDATE therapy_note SET appointment_id = :appointment, held_at = :held, dosing_session_id = :dosing,
                    sections = :sections, measure_ids = :measureIds, preview = :preview, updated_at = :at,
                    updated_by = :by, version = version + 1
                WHERE id = :id AND version = :version AND status = 'DRAFT'""")
                .param("appointment", appointment).param("held", utc(heldAt)).param("dosing", dosingSession)
                .param("sections", json.writeValueAsString(sections))
                .param("measureIds", json.writeValueAsString(measureIds)).param("preview", preview)
                .param("at", utc(at)).param("by", by).param("id", id.value()).param("version", version).update() == 1;
    }

    boolean sign(NoteId id, long version, List<NoteMeasure> measures, Instant at, String by) {
        return jdbc.sql("""
                UPDATE therapy_note SET status = 'SIGNED', measures = :measures, signed_at = :at, signed_by = :by,
                    updated_at = :at, updated_by = :by, version = version + 1
                WHERE id = :id AND version = :version AND status = 'DRAFT'""")
                .param("measures", json.writeValueAsString(measures)).param("at", utc(at)).param("by", by)
                .param("id", id.value()).param("version", version).update() == 1;
    }

    Optional<Note> find(NoteId id) {
        return jdbc.sql("SELECT * FROM therapy_note n WHERE id = :id").param("id", id.value()).query(this::note)
                .optional();
    }

    /** Locks the row for a change that appends to the note (amendments, decisions). */
    Optional<Note> lock(NoteId id) {
        return jdbc.sql("SELECT * FROM therapy_note n WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(this::note).optional();
    }

    /** The patient's notes the reader may list, newest first. */
    List<Note> forPatient(PatientId patient, UUID me, Set<UUID> supervisees) {
        return jdbc.sql("SELECT * FROM therapy_note n WHERE n.patient_id = :p AND " + READABLE
                        + " ORDER BY COALESCE(n.held_at, n.signed_at, n.created_at) DESC")
                .param("p", patient.value()).params(readable(me, supervisees)).query(this::note).list();
    }

    /** A patient's signed notes of these types, oldest first (portal and exports). */
    List<Note> signed(PatientId patient, Collection<NoteType> types) {
        return jdbc.sql("SELECT * FROM therapy_note n WHERE n.patient_id = :p AND n.status = 'SIGNED'"
                        + " AND n.note_type IN (:types) ORDER BY COALESCE(n.held_at, n.signed_at) ASC")
                .param("p", patient.value()).param("types", types.stream().map(Enum::name).toList())
                .query(this::note).list();
    }

    List<Note> draftsBy(UUID author) {
        return jdbc.sql("SELECT * FROM therapy_note n WHERE n.author_id = :a AND n.status = 'DRAFT'"
                + " ORDER BY n.updated_at DESC").param("a", author).query(this::note).list();
    }

    /** Which of these appointments already have a note. */
    Set<UUID> notedAppointments(Collection<UUID> appointments) {
        if (appointments.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT appointment_id FROM therapy_note WHERE appointment_id IN (:a)")
                .param("a", List.copyOf(appointments)).query(UUID.class).list());
    }

    /** Every note of the clinic in pages of {@code size}, by id (the admin export). */
    List<Note> page(@Nullable UUID after, int size) {
        return jdbc.sql("SELECT * FROM therapy_note n WHERE n.id > :after ORDER BY n.id LIMIT :size")
                .param("after", after == null ? NOBODY : after).param("size", size).query(this::note).list();
    }

    // --- amendments and requests ------------------------------------------------------------------------------

    void insertAmendment(NoteAmendment a, PatientId patient) {
        jdbc.sql("""
                INSERT INTO note_amendment (id, note_id, patient_id, kind, reason, body, request_id, added_at, added_by,
                    added_by_name)
                VALUES (:id, :note, :patient, :kind, :reason, :body, :request, :at, :by, :name)""")
                .param("id", a.id()).param("note", a.noteId().value()).param("patient", patient.value())
                .param("kind", a.kind().name()).param("reason", a.reason()).param("body", a.body())
                .param("request", a.requestId()).param("at", utc(a.addedAt())).param("by", a.addedBy())
                .param("name", a.addedByName()).update();
    }

    /** Amendments of these notes, oldest first. */
    List<NoteAmendment> amendments(Collection<UUID> notes) {
        if (notes.isEmpty()) {
            return List.of();
        }
        var all = new ArrayList<NoteAmendment>();
        var ids = List.copyOf(notes);
        for (int from = 0; from < ids.size(); from += 500) {
            all.addAll(jdbc.sql("SELECT * FROM note_amendment WHERE note_id IN (:n) ORDER BY added_at, id")
                    .param("n", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query((rs, i) -> new NoteAmendment(rs.getObject("id", UUID.class),
                            new NoteId(rs.getObject("note_id", UUID.class)),
                            NoteAmendment.Kind.valueOf(rs.getString("kind")), rs.getString("reason"),
                            rs.getString("body"), rs.getObject("request_id", UUID.class), instant(rs, "added_at"),
                            rs.getString("added_by"), rs.getString("added_by_name"))).list());
        }
        return all;
    }

    void insertRequest(AmendmentRequest r, String by) {
        jdbc.sql("""
                INSERT INTO note_amendment_request (id, note_id, patient_id, what_is_wrong, should_say, status,
                    requested_at, requested_by)
                VALUES (:id, :note, :patient, :wrong, :should, 'PENDING', :at, :by)""")
                .param("id", r.id()).param("note", r.noteId().value()).param("patient", r.patientId().value())
                .param("wrong", r.whatIsWrong()).param("should", r.shouldSay()).param("at", utc(r.requestedAt()))
                .param("by", by).update();
    }

    /** Decides a pending request; false when it was decided meanwhile. */
    boolean decide(UUID request, AmendmentRequest.Status status, @Nullable String denialReason, Instant at, String by,
            String byName) {
        return jdbc.sql("""
                UPDATE note_amendment_request SET status = :status, denial_reason = :reason, decided_at = :at,
                    decided_by = :by, decided_by_name = :name
                WHERE id = :id AND status = 'PENDING'""")
                .param("status", status.name()).param("reason", denialReason).param("at", utc(at)).param("by", by)
                .param("name", byName).param("id", request).update() == 1;
    }

    boolean disagree(UUID request, String statement, Instant at) {
        return jdbc.sql("""
                UPDATE note_amendment_request SET disagreement = :s, disagreed_at = :at
                WHERE id = :id AND status = 'DENIED' AND disagreement IS NULL""")
                .param("s", statement).param("at", utc(at)).param("id", request).update() == 1;
    }

    Optional<AmendmentRequest> request(UUID id) {
        return jdbc.sql("SELECT * FROM note_amendment_request WHERE id = :id").param("id", id)
                .query(NoteRepository::request).optional();
    }

    List<AmendmentRequest> requests(Collection<UUID> notes) {
        if (notes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM note_amendment_request WHERE note_id IN (:n) ORDER BY requested_at, id")
                .param("n", List.copyOf(notes)).query(NoteRepository::request).list();
    }

    List<AmendmentRequest> pendingRequests() {
        return jdbc.sql("SELECT * FROM note_amendment_request WHERE status = 'PENDING' ORDER BY requested_at")
                .query(NoteRepository::request).list();
    }

    // --- mapping --------------------------------------------------------------------------------------------------

    private Note note(ResultSet rs, int n) throws SQLException {
        var measures = rs.getString("measures");
        return new Note(new NoteId(rs.getObject("id", UUID.class)), new PatientId(rs.getObject("patient_id", UUID.class)),
                NoteType.valueOf(rs.getString("note_type")), NoteStatus.valueOf(rs.getString("status")),
                rs.getObject("appointment_id", UUID.class), instantOrNull(rs, "held_at"),
                rs.getObject("dosing_session_id", UUID.class), rs.getObject("author_id", UUID.class),
                rs.getString("author_name"), json.readValue(rs.getString("sections"), SECTIONS),
                json.readValue(rs.getString("measure_ids"), IDS),
                measures == null ? List.of() : json.readValue(measures, MEASURES), rs.getString("preview"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instantOrNull(rs, "signed_at"),
                rs.getString("signed_by"), rs.getLong("version"));
    }

    private static AmendmentRequest request(ResultSet rs, int n) throws SQLException {
        return new AmendmentRequest(rs.getObject("id", UUID.class), new NoteId(rs.getObject("note_id", UUID.class)),
                new PatientId(rs.getObject("patient_id", UUID.class)), rs.getString("what_is_wrong"),
                rs.getString("should_say"), AmendmentRequest.Status.valueOf(rs.getString("status")),
                instant(rs, "requested_at"), instantOrNull(rs, "decided_at"), rs.getString("decided_by_name"),
                rs.getString("denial_reason"), rs.getString("disagreement"), instantOrNull(rs, "disagreed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
