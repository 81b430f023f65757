// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-session summary rows the outcomes dashboard reads ({@code dosing_course_session}, V7_010, ADR 022 "Summary
 * rows"): one row per dosed session of a treatment course, with its course's first dose and what its checks recorded.
 * {@link DosingRepository} calls {@link #refresh} in the same transaction as every change to a session or its checks, so
 * the rows cannot fall behind the application's own writes; {@link #rebuild} recomputes them all from the raw rows
 * (after {@code demo generate}, and by the {@code outcomes rebuild} verb after anything wrote the tables directly).
 */
@Component
public class CourseSessionRows {

    /** The statuses of a session that gave a dose (see {@link SessionStatus#dosed()}). */
    static final String DOSED = EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::dosed)
            .map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", "));

    private static final String INSERT = """
            INSERT INTO dosing_course_session (session_id, plan_id, patient_id, location_id, dose_started_at,
                course_first_dose, lowest_moaas, dissociation, bp_high, side_effects)
            VALUES (:id, :plan, :patient, :location, :dose, :first, :moaas, :dissociation, :bp, :effects)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    CourseSessionRows(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Recomputes every row from the sessions and their checks; returns the number of rows. For a database nobody is
     * writing to (after {@code demo generate}, or from the command line with the server stopped, as for an import).
     */
    @Transactional
    public int rebuild() {
        jdbc.sql("DELETE FROM dosing_course_session").update();
        var rows = fromRawRows(null);
        var first = new HashMap<UUID, Instant>();
        rows.values().forEach(s -> first.merge(s.plan, s.dose, (a, b) -> a.isBefore(b) ? a : b));
        var params = new ArrayList<SqlParameterSource>();
        for (var s : rows.values()) {
            params.add(params(s, first.get(s.plan)));
            if (params.size() == 1000) {
                batch.batchUpdate(INSERT, params.toArray(SqlParameterSource[]::new));
                params.clear();
            }
        }
        if (!params.isEmpty()) {
            batch.batchUpdate(INSERT, params.toArray(SqlParameterSource[]::new));
        }
        return rows.size();
    }

    /**
     * The session's row as its session and checks stand now (none when it is not a dosed session of a course). Callers
     * hold the session's row lock (every change of a session locks it first), so two refreshes of one session never
     * interleave.
     */
    void refresh(UUID session) {
        var plans = new ArrayList<UUID>(jdbc.sql("SELECT plan_id FROM dosing_course_session WHERE session_id = :s")
                .param("s", session).query(UUID.class).list());
        jdbc.sql("DELETE FROM dosing_course_session WHERE session_id = :s").param("s", session).update();
        var summary = summarise(List.of(session)).get(session);
        if (summary != null) {
            batch.update(INSERT, params(summary, summary.dose));
            plans.add(summary.plan);
        }
        // Only rows whose first dose changes are written: a check on a later session touches no other session's row.
        for (var plan : plans.stream().distinct().toList()) {
            jdbc.sql("""
                    UPDATE dosing_course_session SET course_first_dose =
                        (SELECT MIN(dose_started_at) FROM dosing_course_session WHERE plan_id = :p)
                    WHERE plan_id = :p AND course_first_dose <>
                        (SELECT MIN(dose_started_at) FROM dosing_course_session WHERE plan_id = :p)""")
                    .param("p", plan).update();
        }
    }

    /**
     * What the rows would hold, computed from the sessions and their checks: every dosed session of a course, or only
     * the given ones. Two plain statements; no grouping in SQL (H2 evaluates a joined grouped subquery per row).
     */
    Map<UUID, SessionCheckSummary> fromRawRows(@Nullable Collection<UUID> only) {
        return summarise(only);
    }

    private Map<UUID, SessionCheckSummary> summarise(@Nullable Collection<UUID> only) {
        var found = new LinkedHashMap<UUID, SessionCheckSummary>();
        var filter = only == null ? "" : " AND s.id IN (:ids)";
        var sessions = jdbc.sql("""
                SELECT s.id, s.plan_id, s.patient_id, s.location_id, s.dose_started_at FROM dosing_session s
                WHERE s.plan_id IS NOT NULL AND s.dose_started_at IS NOT NULL AND s.status IN (%s)%s"""
                .formatted(DOSED, filter));
        if (only != null) {
            sessions = sessions.param("ids", only);
        }
        sessions.query(rs -> {
            var id = rs.getObject(1, UUID.class);
            found.put(id, new SessionCheckSummary(id, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                    rs.getObject(4, UUID.class), rs.getObject(5, OffsetDateTime.class).toInstant()));
        });
        if (found.isEmpty()) {
            return found;
        }
        // Only the checks that recorded something: a plain filtered scan.
        var checks = jdbc.sql("""
                SELECT k.session_id, k.phase, k.moaas, k.dissociation, k.side_effects, k.flags FROM dosing_check k
                WHERE (k.side_effects IS NOT NULL OR k.moaas < 5 OR k.dissociation IN ('MILD', 'MODERATE', 'SEVERE')
                    OR k.flags IS NOT NULL)%s""".formatted(only == null ? "" : " AND k.session_id IN (:ids)"));
        if (only != null) {
            checks = checks.param("ids", only);
        }
        checks.query(rs -> {
            var session = found.get(rs.getObject(1, UUID.class));
            if (session != null) {
                session.add(rs.getString(2), rs.getObject(3, Integer.class), rs.getString(4), rs.getString(5),
                        rs.getString(6));
            }
        });
        return found;
    }

    private static MapSqlParameterSource params(SessionCheckSummary s, Instant first) {
        return new MapSqlParameterSource().addValue("id", s.id).addValue("plan", s.plan)
                .addValue("patient", s.patient).addValue("location", s.location).addValue("dose", utc(s.dose))
                .addValue("first", utc(first)).addValue("moaas", s.lowestMoaas())
                .addValue("dissociation", s.dissociation() == null ? null : s.dissociation().name())
                .addValue("bp", s.bpHigh())
                .addValue("effects", s.effects().isEmpty() ? null
                        : s.effects().stream().map(Enum::name).collect(Collectors.joining(",")));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
