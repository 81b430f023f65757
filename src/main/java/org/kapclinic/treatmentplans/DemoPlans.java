// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For the demo generator only (the outcomes demo's synthetic treatment courses, issue 8): approved plans, some ended
 * with a decision, written in batches with the protocol template's current definition and marked "demo-generator".
 * They have no generated items: the sessions they stand for were booked by the scheduling demo.
 */
@Component
public class DemoPlans {

    public record NewPlan(UUID id, UUID patient, String protocol, LocalDate start, Instant approvedAt,
            TreatmentPlan.@Nullable EndDecision end, @Nullable Instant endedAt) {}

    private static final String BY = "demo-generator";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    DemoPlans(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public int create(List<NewPlan> plans) {
        var templates = new HashMap<String, Map<String, Object>>();
        jdbc.sql("SELECT code, version, name, modality, definition FROM protocol_template").query(rs -> {
            templates.put(rs.getString("code"), Map.of("version", rs.getInt("version"), "name", rs.getString("name"),
                    "modality", rs.getString("modality"), "definition", rs.getString("definition")));
        });
        var rows = new ArrayList<SqlParameterSource>();
        int written = 0;
        for (var p : plans) {
            var t = templates.get(p.protocol());
            if (t == null) {
                continue;
            }
            rows.add(new MapSqlParameterSource().addValue("id", p.id()).addValue("patient", p.patient())
                    .addValue("code", p.protocol()).addValue("version", t.get("version")).addValue("name", t.get("name"))
                    .addValue("modality", t.get("modality")).addValue("definition", t.get("definition"))
                    .addValue("start", p.start()).addValue("dose", LocalTime.of(9, 0))
                    .addValue("therapy", LocalTime.of(13, 0))
                    .addValue("status", p.end() == null ? "APPROVED" : "ENDED")
                    .addValue("approved", utc(p.approvedAt())).addValue("end", p.end() == null ? null : p.end().name())
                    .addValue("ended", p.endedAt() == null ? null : utc(p.endedAt()))
                    .addValue("endedBy", p.end() == null ? null : BY).addValue("by", BY));
            if (rows.size() == 1000) {
                written += flush(rows);
            }
        }
        return written + flush(rows);
    }

    private int flush(List<SqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        batch.batchUpdate("""
                INSERT INTO treatment_plan (id, patient_id, template_code, template_version, template_name, modality,
                    definition, start_date, dose_time, therapy_time, status, created_at, created_by, approved_at,
                    approved_by, end_decision, ended_at, ended_by, version)
                VALUES (:id, :patient, :code, :version, :name, :modality, :definition, :start, :dose, :therapy, :status,
                    :approved, :by, :approved, :by, :end, :ended, :endedBy, 0)""", rows.toArray(SqlParameterSource[]::new));
        int n = rows.size();
        rows.clear();
        return n;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
