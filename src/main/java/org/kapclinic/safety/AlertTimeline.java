// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

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

/**
 * Safety alerts raised (level and trigger; attention while open) and their handling (who acknowledged, what was
 * done): one query in two bounded parts.
 */
@Component
class AlertTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    AlertTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<TimelineKind> kinds() {
        return Set.of(TimelineKind.ALERT);
    }

    @Override
    public List<TimelineEntry> entries(PatientId patient, TimelineWindow window) {
        return jdbc.sql("""
                SELECT * FROM (SELECT 'RAISED' AS ev, raised_at AS at, id, level, trigger_code, summary, status,
                        acknowledged_by, action
                    FROM safety_alert WHERE patient_id = :patient AND raised_at >= :from AND raised_at < :to
                    ORDER BY raised_at DESC LIMIT :limit) r
                UNION ALL
                SELECT * FROM (SELECT 'ACKNOWLEDGED' AS ev, acknowledged_at AS at, id, level, trigger_code, summary,
                        status, acknowledged_by, action
                    FROM safety_alert WHERE patient_id = :patient AND acknowledged_at >= :from AND acknowledged_at < :to
                    ORDER BY acknowledged_at DESC LIMIT :limit) k""")
                .param("patient", patient.value())
                .param("from", OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC))
                .param("limit", window.limit())
                .query((rs, n) -> {
                    var at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    var level = AlertLevel.valueOf(rs.getString("level")).label();
                    var href = "/safety/alerts/" + rs.getString("id");
                    if ("RAISED".equals(rs.getString("ev"))) {
                        var open = "OPEN".equals(rs.getString("status"));
                        return new TimelineEntry(at, TimelineKind.ALERT,
                                "Safety alert raised: " + level + " (" + rs.getString("trigger_code") + ")"
                                        + (open ? ", open" : ""),
                                rs.getString("summary"), href, open);
                    }
                    var action = rs.getString("action");
                    return new TimelineEntry(at, TimelineKind.ALERT, "Safety alert acknowledged: " + level,
                            "By " + rs.getString("acknowledged_by") + (action == null ? "" : ": " + action(action)),
                            href, false);
                })
                .list();
    }

    private static String action(String code) {
        try {
            return AckAction.valueOf(code).label();
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }
}
