// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.kapclinic.patients.PatientId;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.timeline.TimelineEntry;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineSource;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dosing sessions with their key facts: status, the dose given, the highest blood pressure, the lowest SpO2, the
 * deepest sedation (lowest MOAA/S) and strongest dissociation, gate overrides, urgent alerts, and discharge or leaving
 * against advice. One query: the page of sessions, grouped with their checks, with counts of overrides and alerts.
 */
@Component
class DosingTimeline implements TimelineSource {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ZoneId zone;

    DosingTimeline(JdbcClient jdbc, CurrentUser currentUser, @Value("${kap.clinic.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public Set<TimelineKind> kinds() {
        return Set.of(TimelineKind.DOSING);
    }

    @Override
    public List<TimelineEntry> entries(PatientId patient, TimelineWindow window) {
        // the session page is the dosing team's (nurses and prescribers); others see the facts without the link
        var opens = currentUser.find().map(u -> u.hasAnyRole(Role.NURSE, Role.PRESCRIBER)).orElse(false);
        // the page of sessions first, then their checks through the (session_id, taken_at) index: an IN (subquery)
        // over dosing_check made H2 walk every check in the clinic (seen in the timeline benchmark)
        return jdbc.sql("""
                SELECT s.id, s.opened_at, s.status, s.modality, s.dose_number, s.route, s.dose_mg, s.planned_devices,
                    s.ended_at, MAX(c.systolic) AS peak_systolic, MAX(c.diastolic) AS peak_diastolic,
                    MIN(c.spo2) AS lowest_spo2, MIN(c.moaas) AS lowest_moaas,
                    MAX(CASE c.dissociation WHEN 'SEVERE' THEN 3 WHEN 'MODERATE' THEN 2 WHEN 'MILD' THEN 1
                        WHEN 'NONE' THEN 0 END) AS dissociation_rank,
                    (SELECT COUNT(*) FROM dosing_gate_override o WHERE o.session_id = s.id) AS overrides,
                    (SELECT COUNT(*) FROM dosing_alert a WHERE a.session_id = s.id) AS alerts,
                    (SELECT COUNT(*) FROM dosing_alert a WHERE a.session_id = s.id AND a.acknowledged_at IS NULL)
                        AS open_alerts
                FROM (SELECT id, opened_at, status, modality, dose_number, route, dose_mg, planned_devices, ended_at
                    FROM dosing_session WHERE patient_id = :patient AND opened_at >= :from AND opened_at < :to
                    ORDER BY opened_at DESC LIMIT :limit) s
                LEFT JOIN dosing_check c ON c.session_id = s.id
                GROUP BY s.id, s.opened_at, s.status, s.modality, s.dose_number, s.route, s.dose_mg, s.planned_devices,
                    s.ended_at""")
                .param("patient", patient.value())
                .param("from", OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC))
                .param("limit", window.limit())
                .query((rs, n) -> entry(rs, opens))
                .list();
    }

    private TimelineEntry entry(ResultSet rs, boolean opens) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var status = SessionStatus.valueOf(rs.getString("status"));
        var doseNumber = (Integer) rs.getObject("dose_number", Integer.class);
        var title = new StringBuilder("Dosing session");
        if (doseNumber != null) {
            title.append(" ").append(doseNumber);
        }
        title.append(": ").append(status.label());
        var facts = new ArrayList<String>();
        var route = rs.getString("route");
        BigDecimal mg = rs.getBigDecimal("dose_mg");
        if (route != null && mg != null && status.dosed()) {
            facts.add(Route.valueOf(route).label() + " " + mg.stripTrailingZeros().toPlainString() + " mg");
        }
        var systolic = (Integer) rs.getObject("peak_systolic", Integer.class);
        if (systolic != null) {
            var diastolic = (Integer) rs.getObject("peak_diastolic", Integer.class);
            facts.add("peak BP " + systolic + "/" + (diastolic == null ? "?" : diastolic));
        }
        var spo2 = (Integer) rs.getObject("lowest_spo2", Integer.class);
        if (spo2 != null) {
            facts.add("lowest SpO2 " + spo2 + "%");
        }
        var moaas = (Integer) rs.getObject("lowest_moaas", Integer.class);
        if (moaas != null) {
            facts.add("lowest MOAA/S " + moaas);
        }
        var dissociation = (Integer) rs.getObject("dissociation_rank", Integer.class);
        if (dissociation != null) {
            facts.add("dissociation " + Dissociation.values()[dissociation].label().toLowerCase(Locale.ROOT));
        }
        var overrides = rs.getInt("overrides");
        if (overrides > 0) {
            facts.add(overrides + (overrides == 1 ? " gate override" : " gate overrides"));
        }
        var alerts = rs.getInt("alerts");
        var openAlerts = rs.getInt("open_alerts");
        if (alerts > 0) {
            facts.add(alerts + (alerts == 1 ? " urgent alert" : " urgent alerts")
                    + (openAlerts > 0 ? " (" + openAlerts + " not acknowledged)" : ""));
        }
        var ended = rs.getObject("ended_at", OffsetDateTime.class);
        if (ended != null && status == SessionStatus.DISCHARGED) {
            facts.add("discharged " + TIME.format(ended.toInstant().atZone(zone)));
        } else if (ended != null && status == SessionStatus.LEFT_AMA) {
            facts.add("left against advice " + TIME.format(ended.toInstant().atZone(zone)));
        }
        return new TimelineEntry(rs.getObject("opened_at", OffsetDateTime.class).toInstant(), TimelineKind.DOSING,
                title.toString(), facts.isEmpty() ? null : String.join("; ", facts),
                opens ? "/dosing/sessions/" + id : null,
                openAlerts > 0 || status == SessionStatus.LEFT_AMA);
    }
}
