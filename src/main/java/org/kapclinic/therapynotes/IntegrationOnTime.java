// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Integration on time for a set of dosing sessions (the outcomes dashboard's cohort, issue 8), counted as the
 * integration worklist counts it ({@link OnTimeRate}). One query on the items of sessions that ended at or after a
 * time; the set is applied in memory, so the query stays one bounded scan however large the cohort.
 */
@Component
public class IntegrationOnTime {

    private final JdbcClient jdbc;

    IntegrationOnTime(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OnTimeRate forSessions(Set<UUID> sessions, Instant endedFrom, Instant now) {
        var items = new ArrayList<IntegrationItem>();
        jdbc.sql("""
                SELECT id, patient_id, dosing_session_id, ended_at, due_at, window_hours, window_source, therapist_id,
                    status, done_at, note_id, closed_at, closed_by, close_reason, created_at
                FROM integration_item WHERE ended_at >= :from""")
                .param("from", OffsetDateTime.ofInstant(endedFrom, ZoneOffset.UTC))
                .query(rs -> {
                    var session = rs.getObject("dosing_session_id", UUID.class);
                    if (sessions.contains(session)) {
                        items.add(new IntegrationItem(rs.getObject("id", UUID.class),
                                rs.getObject("patient_id", UUID.class), session, instant(rs, "ended_at"),
                                instant(rs, "due_at"), rs.getInt("window_hours"),
                                IntegrationItem.WindowSource.valueOf(rs.getString("window_source")),
                                rs.getObject("therapist_id", UUID.class),
                                IntegrationItem.State.valueOf(rs.getString("status")), nullable(rs, "done_at"),
                                rs.getObject("note_id", UUID.class), nullable(rs, "closed_at"),
                                rs.getString("closed_by"), null, instant(rs, "created_at")));
                    }
                });
        return OnTimeRate.of(items, now, Instant.EPOCH, Instant.MAX).clinic();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @org.jspecify.annotations.Nullable Instant nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }
}
