// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.treatmentplans.TreatmentPlans;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Integration-due items for the demo's past dosing sessions (the dosing demo writes them without events): most were
 * done on time, some late, a few closed as not needed; sessions whose window is still open are due; and the demo
 * therapist's most recently missed one stays open, so it is overdue. Written in batches; created by "demo-generator".
 */
@Component
class IntegrationDemoData implements DemoDataContributor {

    static final String BY = "demo-generator";
    private static final String INSERT = """
            INSERT INTO integration_item (id, patient_id, dosing_session_id, ended_at, due_at, window_hours,
                window_source, therapist_id, status, done_at, closed_at, closed_by, close_reason, created_at, version)
            VALUES (:id, :patient, :session, :ended, :due, :hours, :source, :therapist, :status, :done, :closed,
                :closedBy, :reason, :created, 0)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final PatientDirectory directory;
    private final TreatmentPlans plans;
    private final TherapyNoteSettings settings;
    private final Clock clock;

    IntegrationDemoData(JdbcClient jdbc, NamedParameterJdbcTemplate batch, PatientDirectory directory,
            TreatmentPlans plans, TherapyNoteSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.directory = directory;
        this.plans = plans;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 95;
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.sql("SELECT COUNT(*) FROM integration_item i JOIN dosing_session s ON s.id = i.dosing_session_id"
                + " WHERE s.opened_by <> 'demo-generator'").query(Long.class).single() > 0;
    }

    private record Ended(UUID session, UUID patient, Instant at) {}

    @Override
    public String contribute(DemoContext context) {
        // the dosing demo's discharged sessions that have no item yet (the dosing tables are read here as the dosing
        // demo reads scheduling's: demo data only)
        var ended = jdbc.sql("""
                SELECT s.id, s.patient_id, s.ended_at FROM dosing_session s
                WHERE s.opened_by = 'demo-generator' AND s.end_kind IN ('DISCHARGED', 'DISCHARGED_EARLY', 'LEFT_AMA')
                  AND s.ended_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM integration_item i WHERE i.dosing_session_id = s.id)
                ORDER BY s.ended_at""")
                .query((rs, n) -> new Ended(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var random = context.random();
        var therapists = context.ids("THERAPIST");
        var demoTherapist = therapists.isEmpty() ? null : therapists.get(0);
        var teams = new HashMap<UUID, PatientDirectory.Label>();
        var windows = new HashMap<UUID, Integer>();
        for (int from = 0; from < ended.size(); from += 1000) {
            teams.putAll(directory.labels(ended.subList(from, Math.min(ended.size(), from + 1000)).stream()
                    .map(Ended::patient).distinct().toList()));
        }
        // the demo therapist's most recent session whose window has passed stays open: overdue
        Ended overdue = null;
        for (var e : ended) {
            var hours = windows.computeIfAbsent(e.patient(), p -> plans.integrationWithinHours(new PatientId(p))
                    .filter(h -> h > 0).orElse(-1));
            int window = hours > 0 ? hours : settings.integrationDueHours();
            var label = teams.get(e.patient());
            if (demoTherapist != null && label != null && demoTherapist.equals(label.careTeam().therapistId())
                    && e.at().plus(Duration.ofHours(window)).isBefore(now)) {
                overdue = e;
            }
        }
        var rows = new ArrayList<SqlParameterSource>();
        int done = 0;
        int open = 0;
        for (var e : ended) {
            int fromPlan = windows.get(e.patient());
            int window = fromPlan > 0 ? fromPlan : settings.integrationDueHours();
            var label = teams.get(e.patient());
            rows.add(row(e, window, fromPlan > 0, label == null ? null : label.careTeam().therapistId(), e == overdue,
                    now, random));
            if (e == overdue || e.at().plus(Duration.ofHours(window)).isAfter(now)) {
                open++;
            } else {
                done++;
            }
            if (rows.size() == 1000) {
                flush(rows);
            }
        }
        flush(rows);
        return String.format(java.util.Locale.ROOT, "%,d integration items (%,d closed, %,d open)", ended.size(), done,
                open);
    }

    private static SqlParameterSource row(Ended e, int window, boolean fromPlan, @Nullable UUID therapist,
            boolean keepOpen, Instant now, Random random) {
        var due = e.at().plus(Duration.ofHours(window));
        var p = new MapSqlParameterSource().addValue("id", UUID.randomUUID()).addValue("patient", e.patient())
                .addValue("session", e.session()).addValue("ended", utc(e.at())).addValue("due", utc(due))
                .addValue("hours", window).addValue("source", fromPlan ? "PROTOCOL" : "SETTING")
                .addValue("therapist", therapist).addValue("created", utc(e.at()))
                .addValue("done", null).addValue("closed", null).addValue("closedBy", null).addValue("reason", null);
        int roll = random.nextInt(100);
        if (keepOpen || due.isAfter(now)) {
            // still within the window: held sometimes already, else due
            if (!keepOpen && roll < 30) {
                var held = e.at().plus(Duration.ofHours(20 + random.nextInt(Math.max(1, window - 20))));
                if (held.isBefore(now)) {
                    return p.addValue("status", "DONE").addValue("done", utc(held));
                }
            }
            return p.addValue("status", "OPEN");
        }
        if (roll < 78) {
            return p.addValue("status", "DONE").addValue("done",
                    utc(e.at().plus(Duration.ofHours(18 + random.nextInt(Math.max(1, window - 18))))));
        }
        if (roll < 94) {
            var late = due.plus(Duration.ofHours(2 + random.nextInt(70)));
            return p.addValue("status", "DONE").addValue("done", utc(late.isAfter(now) ? now : late));
        }
        return p.addValue("status", "NOT_NEEDED").addValue("closed", utc(due.minus(Duration.ofHours(12))))
                .addValue("closedBy", BY).addValue("reason", "Patient declined an integration session (synthetic).");
    }

    private void flush(List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
            rows.clear();
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return IntegrationRepository.utc(at);
    }
}
