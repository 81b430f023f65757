// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Integration-due items, read and written with plain SQL (one statement per call). */
@Repository
class IntegrationRepository {

    static final int LIST_LIMIT = 500;

    private final JdbcClient jdbc;

    IntegrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsForSession(UUID sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM integration_item WHERE dosing_session_id = :s").param("s", sessionId)
                .query(Long.class).single() > 0;
    }

    void insert(IntegrationItem i) {
        jdbc.sql("""
                INSERT INTO integration_item (id, patient_id, dosing_session_id, ended_at, due_at, window_hours,
                    window_source, therapist_id, status, created_at, version)
                VALUES (:id, :patient, :session, :ended, :due, :hours, :source, :therapist, 'OPEN', :created, 0)""")
                .param("id", i.id()).param("patient", i.patientId()).param("session", i.dosingSessionId())
                .param("ended", utc(i.endedAt())).param("due", utc(i.dueAt())).param("hours", i.windowHours())
                .param("source", i.windowSource().name()).param("therapist", i.therapistId())
                .param("created", utc(i.createdAt())).update();
    }

    Optional<IntegrationItem> find(UUID id) {
        return jdbc.sql("SELECT * FROM integration_item WHERE id = :id").param("id", id).query(IntegrationRepository::map)
                .optional();
    }

    Optional<IntegrationItem> openForSession(UUID sessionId) {
        return jdbc.sql("SELECT * FROM integration_item WHERE dosing_session_id = :s AND status = 'OPEN'")
                .param("s", sessionId).query(IntegrationRepository::map).optional();
    }

    /** The patient's oldest open item whose session ended before {@code before}. */
    Optional<IntegrationItem> oldestOpen(UUID patient, Instant before) {
        return jdbc.sql("SELECT * FROM integration_item WHERE patient_id = :p AND status = 'OPEN' AND ended_at < :b"
                        + " ORDER BY ended_at FETCH FIRST 1 ROWS ONLY")
                .param("p", patient).param("b", utc(before)).query(IntegrationRepository::map).optional();
    }

    /** Marks an open item done; false when it was no longer open. */
    boolean markDone(UUID id, Instant heldAt, UUID noteId) {
        return jdbc.sql("UPDATE integration_item SET status = 'DONE', done_at = :at, note_id = :note,"
                        + " version = version + 1 WHERE id = :id AND status = 'OPEN'")
                .param("at", utc(heldAt)).param("note", noteId).param("id", id).update() == 1;
    }

    boolean closeNotNeeded(UUID id, String reason, String by, Instant at) {
        return jdbc.sql("UPDATE integration_item SET status = 'NOT_NEEDED', close_reason = :reason, closed_by = :by,"
                        + " closed_at = :at, version = version + 1 WHERE id = :id AND status = 'OPEN'")
                .param("reason", reason).param("by", by).param("at", utc(at)).param("id", id).update() == 1;
    }

    /**
     * Every open item, and closed ones due, held or closed as not needed in the range (so an item done ahead of its
     * due time stays on the list instead of vanishing until that time passes), newest due first; limited to one
     * therapist when given. One query.
     */
    List<IntegrationItem> list(@Nullable UUID therapist, Instant from, Instant to) {
        var spec = jdbc.sql("SELECT * FROM integration_item WHERE " + (therapist == null ? "" : "therapist_id = :t AND ")
                        + "(status = 'OPEN' OR (due_at >= :from AND due_at < :to) OR (done_at >= :from AND done_at < :to)"
                        + " OR (closed_at >= :from AND closed_at < :to))"
                        + " ORDER BY due_at DESC FETCH FIRST " + LIST_LIMIT + " ROWS ONLY")
                .param("from", utc(from)).param("to", utc(to));
        if (therapist != null) {
            spec = spec.param("t", therapist);
        }
        return spec.query(IntegrationRepository::map).list();
    }

    /** Items due in the range, for the on-time rate (one query; the arithmetic is {@link OnTimeRate}'s). */
    List<IntegrationItem> dueBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM integration_item WHERE due_at >= :from AND due_at < :to")
                .param("from", utc(from)).param("to", utc(to)).query(IntegrationRepository::map).list();
    }

    /** Open items of one therapist: how many are due and how many overdue at {@code now}. */
    long[] openCounts(UUID therapist, Instant now) {
        // one row, no GROUP BY on a parameter (PostgreSQL does not match the two CASE expressions)
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_at < :now THEN 1 ELSE 0 END), 0)"
                        + " FROM integration_item WHERE therapist_id = :t AND status = 'OPEN'")
                .param("t", therapist).param("now", utc(now))
                .query((rs, n) -> new long[] {rs.getLong(1) - rs.getLong(2), rs.getLong(2)}).single();
    }

    /** The patient's items touching the window (their due, done or closing time), for the timeline. */
    List<IntegrationItem> forTimeline(UUID patient, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT * FROM integration_item WHERE patient_id = :p"
                        + " AND COALESCE(done_at, closed_at, due_at) >= :from AND COALESCE(done_at, closed_at, due_at) < :to"
                        + " ORDER BY COALESCE(done_at, closed_at, due_at) DESC LIMIT :limit")
                .param("p", patient).param("from", utc(from)).param("to", utc(to)).param("limit", limit)
                .query(IntegrationRepository::map).list();
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    static IntegrationItem map(ResultSet rs, int n) throws SQLException {
        return new IntegrationItem(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("dosing_session_id", UUID.class), instant(rs, "ended_at"), instant(rs, "due_at"),
                rs.getInt("window_hours"), IntegrationItem.WindowSource.valueOf(rs.getString("window_source")),
                rs.getObject("therapist_id", UUID.class), IntegrationItem.State.valueOf(rs.getString("status")),
                instant(rs, "done_at"), rs.getObject("note_id", UUID.class), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("close_reason"), instant(rs, "created_at"));
    }

    static Collection<UUID> patients(Collection<IntegrationItem> items) {
        return items.stream().map(IntegrationItem::patientId).distinct().toList();
    }
}
