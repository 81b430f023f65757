// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dosed sessions of treatment courses, for the outcomes dashboard (issue 8): every session that gave a dose under a
 * plan whose first dose falls in a period, with what its checks recorded (side effects, BP flags, lowest MOAA/S, worst
 * dissociation rating). One statement on the summary rows ({@link CourseSessionRows}); no notes or free text.
 * The caller audits the view that uses it.
 */
@Component
public class CourseSessions {

    /**
     * One dosed session.
     *
     * @param lowestMoaas the lowest MOAA/S below 5 rated at any check, null if every rating was 5 or none was made
     * @param dissociation the worst clinician-rated dissociation above "none" at any check, null otherwise
     * @param bpHigh a monitoring check was flagged for systolic or diastolic above the monitoring range, or for a rise
     *     over the pre-dose reading ({@link VitalsRules#flags}: kap.dosing.flag-*)
     * @param sideEffects every side effect recorded at any check, at any severity
     */
    public record Session(UUID session, UUID plan, UUID patient, UUID location, Instant doseStartedAt,
            @Nullable Integer lowestMoaas, @Nullable Dissociation dissociation, boolean bpHigh,
            Set<SideEffect> sideEffects) {}

    /** By dose time, then session id; written out, not Comparator.comparing: it sorts about 57,000 sessions a view. */
    private static final Comparator<Session> BY_DOSE = (a, b) -> {
        int c = a.doseStartedAt().compareTo(b.doseStartedAt());
        return c != 0 ? c : a.session().compareTo(b.session());
    };

    private final JdbcClient jdbc;
    private final CourseSessionRows summaries;

    CourseSessions(JdbcClient jdbc, CourseSessionRows summaries) {
        this.jdbc = jdbc;
        this.summaries = summaries;
    }

    /**
     * Sessions of the plans whose first dose was at or after {@code from} and before {@code to}, by dose time: one range
     * of the summary rows ({@link CourseSessionRows}, kept with every change to a session or its checks), so about one
     * row per session of the cohort instead of the sessions, every check that recorded something and a grouped first
     * dose per plan.
     */
    public List<Session> ofCoursesStarting(Instant from, Instant to) {
        var rows = jdbc.sql("""
                SELECT session_id, plan_id, patient_id, location_id, dose_started_at, lowest_moaas, dissociation, bp_high,
                    side_effects
                FROM dosing_course_session WHERE course_first_dose >= :from AND course_first_dose < :to""")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((rs, n) -> {
                    var dissociation = rs.getString(7);
                    var effects = rs.getString(9);
                    return new Session(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, Integer.class),
                            dissociation == null ? null : Dissociation.valueOf(dissociation), rs.getBoolean(8),
                            effects == null ? Set.of() : effects(effects));
                })
                .list();
        var sorted = new ArrayList<>(rows);
        sorted.sort(BY_DOSE); // in Java: a sort in SQL would cost the database the same, on its share of the cores
        return sorted;
    }

    /** The same sessions computed from the raw sessions and checks, as the summary rows must equal (tests). */
    List<Session> fromRawRows(Instant from, Instant to) {
        var all = summaries.fromRawRows(null).values();
        var first = new HashMap<UUID, Instant>();
        all.forEach(s -> first.merge(s.plan, s.dose, (a, b) -> a.isBefore(b) ? a : b));
        var rows = new ArrayList<Session>();
        for (var s : all) {
            var start = first.get(s.plan);
            if (!start.isBefore(from) && start.isBefore(to)) {
                rows.add(new Session(s.id, s.plan, s.patient, s.location, s.dose, s.lowestMoaas(), s.dissociation(),
                        s.bpHigh(), Set.copyOf(s.effects())));
            }
        }
        rows.sort(BY_DOSE);
        return rows;
    }

    private static Set<SideEffect> effects(String names) {
        var set = EnumSet.noneOf(SideEffect.class);
        for (var name : names.split(",")) {
            set.add(SideEffect.valueOf(name));
        }
        return Set.copyOf(set);
    }
}
