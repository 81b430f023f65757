// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.kapclinic.patients.PatientId;
import org.kapclinic.timeline.TimelineEntry;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineSource;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Plans drafted, approved, revised (with the reason) and ended (with what follows): one query, four bounded parts. */
@Component
class PlanTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    PlanTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<TimelineKind> kinds() {
        return Set.of(TimelineKind.PLAN);
    }

    @Override
    public List<TimelineEntry> entries(PatientId patient, TimelineWindow window) {
        var href = "/patients/" + patient.value() + "/plan";
        return jdbc.sql("""
                SELECT * FROM (SELECT 'DRAFTED' AS ev, created_at AS at, template_name AS a, created_by AS b,
                        CAST(NULL AS VARCHAR(2000)) AS c
                    FROM treatment_plan WHERE patient_id = :patient AND created_at >= :from AND created_at < :to
                    ORDER BY created_at DESC LIMIT :limit) p1
                UNION ALL
                SELECT * FROM (SELECT 'APPROVED' AS ev, approved_at AS at, template_name AS a, approved_by AS b,
                        CAST(NULL AS VARCHAR(2000)) AS c
                    FROM treatment_plan WHERE patient_id = :patient AND approved_at >= :from AND approved_at < :to
                    ORDER BY approved_at DESC LIMIT :limit) p2
                UNION ALL
                SELECT * FROM (SELECT 'ENDED' AS ev, ended_at AS at, template_name AS a, end_decision AS b,
                        end_note AS c
                    FROM treatment_plan WHERE patient_id = :patient AND ended_at >= :from AND ended_at < :to
                    ORDER BY ended_at DESC LIMIT :limit) p3
                UNION ALL
                SELECT * FROM (SELECT 'REVISED' AS ev, r.changed_at AS at, r.summary AS a, r.changed_by AS b,
                        r.reason AS c
                    FROM treatment_plan_revision r JOIN treatment_plan p ON p.id = r.plan_id
                    WHERE p.patient_id = :patient AND r.changed_at >= :from AND r.changed_at < :to
                    ORDER BY r.changed_at DESC LIMIT :limit) p4""")
                .param("patient", patient.value())
                .param("from", OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC))
                .param("limit", window.limit())
                .query((rs, n) -> {
                    var at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    var a = rs.getString("a");
                    var b = rs.getString("b");
                    var c = rs.getString("c");
                    return switch (rs.getString("ev")) {
                        case "DRAFTED" -> new TimelineEntry(at, TimelineKind.PLAN, "Plan drafted: " + a, "By " + b, href,
                                false);
                        case "APPROVED" -> new TimelineEntry(at, TimelineKind.PLAN, "Plan approved: " + a, "By " + b,
                                href, false);
                        case "ENDED" -> new TimelineEntry(at, TimelineKind.PLAN, "Plan ended: " + a,
                                "Next: " + endDecision(b) + (c == null || c.isBlank() ? "" : ". " + c), href, false);
                        default -> new TimelineEntry(at, TimelineKind.PLAN, "Plan revised: " + a,
                                "Reason: " + c + " (by " + b + ")", href, false);
                    };
                })
                .list();
    }

    private static String endDecision(String code) {
        try {
            return TreatmentPlan.EndDecision.valueOf(code).label();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return String.valueOf(code);
        }
    }
}
