// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dosed sessions of treatment courses, for the outcomes dashboard (issue 8): every session that gave a dose under a
 * plan whose first dose falls in a period, with what its checks recorded (side effects, BP flags, lowest MOAA/S, worst
 * dissociation rating). One query (the sessions joined to their checks' per-session summary); no notes or free text.
 * The caller audits the view that uses it.
 */
@Component
public class CourseSessions {

    /** The statuses of a session that gave a dose (see {@link SessionStatus#dosed()}). */
    private static final String DOSED = EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::dosed)
            .map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", "));

    /**
     * One dosed session.
     *
     * @param lowestMoaas the lowest MOAA/S rated at any check, null if none was rated
     * @param dissociation the worst clinician-rated dissociation at any check, null if none was rated
     * @param bpHigh a monitoring check was flagged for systolic or diastolic above the monitoring range, or for a rise
     *     over the pre-dose reading ({@link VitalsRules#flags}: kap.dosing.flag-*)
     * @param sideEffects every side effect recorded at any check, at any severity
     */
    public record Session(UUID session, UUID plan, UUID patient, UUID location, Instant doseStartedAt,
            @Nullable Integer lowestMoaas, @Nullable Dissociation dissociation, boolean bpHigh,
            Set<SideEffect> sideEffects) {}

    private final JdbcClient jdbc;

    CourseSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sessions of the plans whose first dose was at or after {@code from} and before {@code to}, by dose time. */
    public List<Session> ofCoursesStarting(Instant from, Instant to) {
        var effects = new StringBuilder();
        for (var e : SideEffect.values()) {
            // side_effects holds "NAUSEA:MILD,DIZZINESS:MODERATE" (DosingRepository); no name contains another
            effects.append(", MAX(CASE WHEN side_effects LIKE '%").append(e.name())
                    .append(":%' THEN 1 ELSE 0 END) AS se_").append(e.ordinal());
        }
        var sql = """
                WITH course AS (
                    SELECT plan_id FROM dosing_session
                    WHERE plan_id IS NOT NULL AND dose_started_at IS NOT NULL AND status IN (%1$s)
                    GROUP BY plan_id HAVING MIN(dose_started_at) >= :from AND MIN(dose_started_at) < :to),
                dosed AS (
                    SELECT s.id, s.plan_id, s.patient_id, s.location_id, s.dose_started_at FROM dosing_session s
                    JOIN course c ON c.plan_id = s.plan_id
                    WHERE s.dose_started_at IS NOT NULL AND s.status IN (%1$s)),
                checks AS (
                    SELECT k.session_id, MIN(k.moaas) AS moaas,
                        MAX(CASE k.dissociation WHEN 'SEVERE' THEN 3 WHEN 'MODERATE' THEN 2 WHEN 'MILD' THEN 1
                            WHEN 'NONE' THEN 0 END) AS dissociation,
                        MAX(CASE WHEN k.phase = 'MONITORING' AND (k.flags LIKE '%%Systolic %% above %%'
                            OR k.flags LIKE '%%Diastolic %% above %%' OR k.flags LIKE '%%BP rose from %%')
                            THEN 1 ELSE 0 END) AS bp_high%2$s
                    FROM dosing_check k JOIN dosed d ON d.id = k.session_id GROUP BY k.session_id)
                SELECT d.id, d.plan_id, d.patient_id, d.location_id, d.dose_started_at, c.*
                FROM dosed d LEFT JOIN checks c ON c.session_id = d.id""".formatted(DOSED, effects);
        var rows = new ArrayList<Session>();
        jdbc.sql(sql)
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query(rs -> {
                    var found = EnumSet.noneOf(SideEffect.class);
                    var dis = rs.getObject("dissociation", Integer.class);
                    for (var e : SideEffect.values()) {
                        if (rs.getInt("se_" + e.ordinal()) == 1) {
                            found.add(e);
                        }
                    }
                    rows.add(new Session(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                            rs.getObject("patient_id", UUID.class), rs.getObject("location_id", UUID.class),
                            rs.getObject("dose_started_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("moaas", Integer.class), dis == null ? null : Dissociation.values()[dis],
                            rs.getInt("bp_high") == 1, Set.copyOf(found)));
                });
        rows.sort(java.util.Comparator.comparing(Session::doseStartedAt));
        return rows;
    }
}
