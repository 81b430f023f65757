// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

    private static final String COLUMNS = """
            id, patient_id, inquiry_id, level, trigger_code, summary, status, raised_at, raised_by, escalation_step,
            next_escalation_at, acknowledged_at, acknowledged_by, action, note, quiet_until, version""";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Alert a) {
        jdbc.sql("INSERT INTO safety_alert (" + COLUMNS + ") VALUES (:id, :patient, :inquiry, :level, :trigger,"
                        + " :summary, 'OPEN', :raised, :by, :step, :next, NULL, NULL, NULL, NULL, NULL, 0)")
                .param("id", a.id().value()).param("patient", a.patientId()).param("inquiry", a.inquiryId())
                .param("level", a.level().name()).param("trigger", a.trigger()).param("summary", a.summary())
                .param("raised", utc(a.raisedAt())).param("by", a.raisedBy()).param("step", a.step())
                .param("next", utcOrNull(a.nextEscalationAt()))
                .update();
    }

    void insertFinding(Finding f) {
        jdbc.sql("""
                INSERT INTO safety_finding (id, alert_id, found_at, trigger_code, level, source_type, source_id, detail,
                    outcome, recorded_by)
                VALUES (:id, :alert, :at, :trigger, :level, :type, :source, :detail, :outcome, :by)""")
                .param("id", f.id()).param("alert", f.alertId().value()).param("at", utc(f.foundAt()))
                .param("trigger", f.trigger()).param("level", f.level().name()).param("type", f.sourceType())
                .param("source", f.sourceId()).param("detail", truncate(f.detail(), 300))
                .param("outcome", f.outcome().name()).param("by", f.recordedBy())
                .update();
    }

    void insertEscalation(AlertId id, int step, Instant at, List<String> recipients) {
        jdbc.sql("INSERT INTO safety_escalation (alert_id, step, escalated_at, recipients) VALUES (:id, :step, :at, :r)")
                .param("id", id.value()).param("step", step).param("at", utc(at))
                .param("r", truncate(String.join(", ", recipients), 2000)).update();
    }

    Optional<Alert> find(AlertId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM safety_alert WHERE id = :id").param("id", id.value())
                .query(this::map).optional();
    }

    /** Open alerts for a patient (or an inquiry), most severe first. */
    List<Alert> openFor(@Nullable UUID patient, @Nullable UUID inquiry) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM safety_alert WHERE status = 'OPEN' AND "
                        + (patient != null ? "patient_id = :p" : "inquiry_id = :i"))
                .param("p", patient).param("i", inquiry).query(this::map).list().stream()
                .sorted((x, y) -> Integer.compare(y.level().rank(), x.level().rank())).toList();
    }

    /** Acknowledged alerts for the same trigger whose quiet window has not ended. */
    List<Alert> quietFor(@Nullable UUID patient, @Nullable UUID inquiry, String trigger, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM safety_alert WHERE status = 'ACKNOWLEDGED' AND trigger_code = :t"
                        + " AND quiet_until > :now AND " + (patient != null ? "patient_id = :p" : "inquiry_id = :i")
                        + " ORDER BY acknowledged_at DESC")
                .param("t", trigger).param("now", utc(now)).param("p", patient).param("i", inquiry)
                .query(this::map).list();
    }

    List<Alert> forPatient(UUID patient, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM safety_alert WHERE patient_id = :p ORDER BY raised_at DESC LIMIT :l")
                .param("p", patient).param("l", limit).query(this::map).list();
    }

    List<Alert> open(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM safety_alert WHERE status = 'OPEN' ORDER BY raised_at LIMIT :l")
                .param("l", limit).query(this::map).list();
    }

    List<Alert> recentlyAcknowledged(Instant since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM safety_alert WHERE status = 'ACKNOWLEDGED' AND acknowledged_at >= :s"
                        + " ORDER BY acknowledged_at DESC LIMIT :l")
                .param("s", utc(since)).param("l", limit).query(this::map).list();
    }

    int countOpen() {
        return jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE status = 'OPEN'").query(Integer.class).single();
    }

    List<Alert> dueForEscalation(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM safety_alert WHERE status = 'OPEN' AND next_escalation_at <= :now"
                        + " ORDER BY next_escalation_at LIMIT 200")
                .param("now", utc(now)).query(this::map).list();
    }

    /** Moves an open alert from {@code fromStep} to {@code toStep}; false if another node or an acknowledgment won. */
    boolean claimStep(AlertId id, int fromStep, int toStep, @Nullable Instant next, Instant now) {
        return jdbc.sql("""
                UPDATE safety_alert SET escalation_step = :to, next_escalation_at = :next, last_paged_at = :now,
                    version = version + 1
                WHERE id = :id AND status = 'OPEN' AND escalation_step = :from""")
                .param("to", toStep).param("next", utcOrNull(next)).param("now", utc(now)).param("id", id.value())
                .param("from", fromStep).update() == 1;
    }

    boolean acknowledge(AlertId id, Instant at, String by, AckAction action, @Nullable String note, Instant quietUntil) {
        return jdbc.sql("""
                UPDATE safety_alert SET status = 'ACKNOWLEDGED', acknowledged_at = :at, acknowledged_by = :by,
                    action = :action, note = :note, quiet_until = :quiet, next_escalation_at = NULL,
                    version = version + 1
                WHERE id = :id AND status = 'OPEN'""")
                .param("at", utc(at)).param("by", by).param("action", action.name()).param("note", note)
                .param("quiet", utc(quietUntil)).param("id", id.value()).update() == 1;
    }

    List<Finding> findings(AlertId id) {
        return jdbc.sql("""
                SELECT id, alert_id, found_at, trigger_code, level, source_type, source_id, detail, outcome, recorded_by
                FROM safety_finding WHERE alert_id = :id ORDER BY found_at""")
                .param("id", id.value())
                .query((rs, n) -> new Finding(rs.getObject(1, UUID.class), new AlertId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                        AlertLevel.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, UUID.class),
                        rs.getString(8), Finding.Outcome.valueOf(rs.getString(9)), rs.getString(10)))
                .list();
    }

    /** The alert a source (an assessment, a questionnaire) was attached to, if any. */
    List<AlertId> alertsForSource(UUID source) {
        return jdbc.sql("SELECT DISTINCT alert_id FROM safety_finding WHERE source_id = :s").param("s", source)
                .query(UUID.class).list().stream().map(AlertId::new).toList();
    }

    record Escalation(int step, Instant at, String recipients) {}

    List<Escalation> escalations(AlertId id) {
        return jdbc.sql("SELECT step, escalated_at, recipients FROM safety_escalation WHERE alert_id = :id ORDER BY step")
                .param("id", id.value())
                .query((rs, n) -> new Escalation(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3)))
                .list();
    }

    private Alert map(ResultSet rs, int n) throws SQLException {
        var action = rs.getString("action");
        return new Alert(new AlertId(rs.getObject("id", UUID.class)), rs.getObject("patient_id", UUID.class),
                rs.getObject("inquiry_id", UUID.class), AlertLevel.valueOf(rs.getString("level")),
                rs.getString("trigger_code"), rs.getString("summary"), Alert.Status.valueOf(rs.getString("status")),
                instant(rs, "raised_at"), rs.getString("raised_by"), rs.getInt("escalation_step"),
                instant(rs, "next_escalation_at"), instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                action == null ? null : AckAction.valueOf(action), rs.getString("note"), instant(rs, "quiet_until"),
                rs.getLong("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static @Nullable OffsetDateTime utcOrNull(@Nullable Instant instant) {
        return instant == null ? null : utc(instant);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
