// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kapclinic.eligibility.Modality;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For the demo generator only (the outcomes demo, issue 8): the demo's dosed sessions that belong to no plan, and
 * their link to the plan the outcomes demo made for them (plan and dose number). Only sessions opened by
 * "demo-generator" are read or changed.
 */
@Component
public class DemoCourseLinks {

    public record Unplanned(UUID session, UUID patient, Modality modality, Instant doseStartedAt) {}

    public record Link(UUID session, UUID plan, int doseNumber) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final CourseSessionRows summaries;

    DemoCourseLinks(JdbcClient jdbc, NamedParameterJdbcTemplate batch, CourseSessionRows summaries) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.summaries = summaries;
    }

    public List<Unplanned> unplanned() {
        return jdbc.sql("""
                SELECT id, patient_id, modality, dose_started_at FROM dosing_session
                WHERE opened_by = :by AND plan_id IS NULL AND dose_started_at IS NOT NULL AND status = 'DISCHARGED'""")
                .param("by", DosingDemoData.BY)
                .query((rs, n) -> new Unplanned(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        Modality.valueOf(rs.getString(3)), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    public int link(List<Link> links) {
        var rows = new ArrayList<SqlParameterSource>();
        int n = 0;
        for (var l : links) {
            rows.add(new MapSqlParameterSource().addValue("id", l.session()).addValue("plan", l.plan())
                    .addValue("n", l.doseNumber()).addValue("by", DosingDemoData.BY));
            if (rows.size() == 1000) {
                n += update(rows);
            }
        }
        n += update(rows);
        summaries.rebuild(); // the links were written in bulk, past the repository: recompute the summary rows
        return n;
    }

    private int update(List<SqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        batch.batchUpdate("UPDATE dosing_session SET plan_id = :plan, dose_number = :n WHERE id = :id AND opened_by = :by",
                rows.toArray(SqlParameterSource[]::new));
        int n = rows.size();
        rows.clear();
        return n;
    }
}
