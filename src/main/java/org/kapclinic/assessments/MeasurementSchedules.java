// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measurement schedules attached to a patient: a self-report questionnaire sent by secure link every N days, at
 * 09:00 clinic time, starting on a chosen day (issue #4: PHQ-9 and GAD-7 weekly). {@link ScheduledQuestionnaires}
 * sends them. Schedules tied to dosing sessions come with the dosing module.
 */
@Service
@Transactional
public class MeasurementSchedules {

    public record Schedule(UUID id, PatientId patientId, String instrument, int everyDays, Instant nextDueAt,
            boolean active, @Nullable Instant lastSentAt, String createdBy, @Nullable String reason) {

        /** A one-off send timed from a dose, rather than a repeating schedule. */
        public boolean once() {
            return everyDays == 0;
        }
    }

    static final LocalTime SEND_AT = LocalTime.of(9, 0);

    private final JdbcClient jdbc;
    private final InstrumentCatalogue catalogue;
    private final Patients patients;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    MeasurementSchedules(JdbcClient jdbc, InstrumentCatalogue catalogue, Patients patients, CurrentUser currentUser,
            AuditTrail audit, Clock clock, @Value("${kap.clinic.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.patients = patients;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Adds a schedule; the first questionnaire goes on {@code firstDay} (today or later) at 09:00 clinic time. */
    @PreAuthorize(Assessments.CLINICIANS)
    public UUID add(PatientId patient, String instrumentCode, int everyDays, LocalDate firstDay) {
        var view = patients.forCare(patient);
        var instrument = catalogue.get(instrumentCode);
        if (!Instruments.selfReport(instrument)) {
            throw new IllegalArgumentException("instrument: " + Instruments.shortName(instrument)
                    + " is rated by a clinician; it cannot be sent on a schedule.");
        }
        if (everyDays < 1 || everyDays > 365) {
            throw new IllegalArgumentException("everyDays: give 1 to 365 days.");
        }
        var today = LocalDate.now(clock.withZone(zone));
        if (firstDay.isBefore(today) || firstDay.isAfter(today.plusYears(1))) {
            throw new IllegalArgumentException("firstDay: choose today or a day within the next year.");
        }
        if (view.voided()) {
            throw new IllegalStateException("This record is voided.");
        }
        var id = UUID.randomUUID();
        var due = firstDay.atTime(SEND_AT).atZone(zone).toInstant();
        jdbc.sql("""
                INSERT INTO measurement_schedule (id, patient_id, instrument, every_days, next_due_at, active, created_at,
                    created_by) VALUES (:id, :p, :i, :every, :due, TRUE, :now, :by)""")
                .param("id", id).param("p", patient.value()).param("i", instrument.code()).param("every", everyDays)
                .param("due", utc(due)).param("now", utc(clock.instant())).param("by", currentUser.name()).update();
        audit.record(new AuditRecord("MEASUREMENT_SCHEDULE_ADDED", AuditRecord.Outcome.SUCCESS, patient.value(),
                "MeasurementSchedule", id.toString(), instrument.code() + " every " + everyDays + " days"));
        return id;
    }

    /**
     * A one-off send: the questionnaire goes out at {@code dueAt}. The dosing module sets them from an actual dose (source:
     * the session), the treatment plan from its points not tied to a dose (source: the plan item). Clinician-rated instruments cannot be sent; they are refused with false. Setting the same
     * session, instrument and time twice keeps one.
     */
    @PreAuthorize(Assessments.CLINICIANS)
    public boolean once(PatientId patient, String instrumentCode, Instant dueAt, UUID sourceId, String reason) {
        var view = patients.forCare(patient);
        var instrument = catalogue.get(instrumentCode);
        if (!Instruments.selfReport(instrument) || view.voided()) {
            return false;
        }
        var due = dueAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM measurement_schedule WHERE source_id = :s AND instrument = :i"
                        + " AND next_due_at = :due")
                .param("s", sourceId).param("i", instrument.code()).param("due", utc(due)).query(Long.class).single() > 0;
        if (exists) {
            return true;
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO measurement_schedule (id, patient_id, instrument, every_days, next_due_at, active, created_at,
                    created_by, source_id, reason) VALUES (:id, :p, :i, 0, :due, TRUE, :now, :by, :s, :r)""")
                .param("id", id).param("p", patient.value()).param("i", instrument.code()).param("due", utc(due))
                .param("now", utc(clock.instant())).param("by", currentUser.name()).param("s", sourceId)
                .param("r", reason.length() > 200 ? reason.substring(0, 200) : reason).update();
        audit.record(new AuditRecord("MEASUREMENT_TIMED_FROM_DOSE", AuditRecord.Outcome.SUCCESS, patient.value(),
                "MeasurementSchedule", id.toString(), instrument.code() + " " + reason));
        return true;
    }

    /** Withdraws the one-off sends a source set that have not gone out (a plan item moved or cancelled). */
    @PreAuthorize(Assessments.CLINICIANS)
    public int withdraw(PatientId patient, UUID sourceId, String why) {
        patients.forCare(patient);
        int ended = jdbc.sql("""
                UPDATE measurement_schedule SET active = FALSE, ended_at = :now, ended_by = :by
                WHERE patient_id = :p AND source_id = :s AND every_days = 0 AND active = TRUE""")
                .param("now", utc(clock.instant())).param("by", currentUser.name()).param("p", patient.value())
                .param("s", sourceId).update();
        if (ended > 0) {
            audit.record(new AuditRecord("MEASUREMENT_SEND_WITHDRAWN", AuditRecord.Outcome.SUCCESS, patient.value(),
                    "MeasurementSchedule", sourceId.toString(), why));
        }
        return ended;
    }

    @PreAuthorize(Assessments.CLINICIANS)
    public void end(PatientId patient, UUID schedule) {
        patients.forCare(patient);
        int ended = jdbc.sql("""
                UPDATE measurement_schedule SET active = FALSE, ended_at = :now, ended_by = :by
                WHERE id = :id AND patient_id = :p AND active = TRUE""")
                .param("now", utc(clock.instant())).param("by", currentUser.name()).param("id", schedule)
                .param("p", patient.value()).update();
        if (ended == 1) {
            audit.record(new AuditRecord("MEASUREMENT_SCHEDULE_ENDED", AuditRecord.Outcome.SUCCESS, patient.value(),
                    "MeasurementSchedule", schedule.toString(), null));
        }
    }

    /** Active schedules, for the measures page (audited with it). */
    @PreAuthorize(Assessments.CLINICIANS)
    public List<Schedule> active(PatientId patient) {
        patients.forCare(patient);
        return jdbc.sql("SELECT * FROM measurement_schedule WHERE patient_id = :p AND active = TRUE ORDER BY created_at")
                .param("p", patient.value()).query((rs, n) -> map(rs)).list();
    }

    /** Due now, for the job. */
    List<Schedule> due(Instant now) {
        return jdbc.sql("SELECT * FROM measurement_schedule WHERE active = TRUE AND next_due_at <= :now"
                        + " ORDER BY next_due_at LIMIT 200")
                .param("now", utc(now)).query((rs, n) -> map(rs)).list();
    }

    /** Moves the schedule on by its interval (past any missed days), once; false if another node did it first. */
    boolean claim(Schedule schedule, Instant now) {
        if (schedule.once()) {
            return jdbc.sql("""
                    UPDATE measurement_schedule SET active = FALSE, last_sent_at = :now, ended_at = :now,
                        ended_by = 'sent once' WHERE id = :id AND active = TRUE""")
                    .param("now", utc(now)).param("id", schedule.id()).update() == 1;
        }
        var next = schedule.nextDueAt();
        while (!next.isAfter(now)) {
            next = next.atZone(zone).plusDays(schedule.everyDays()).toInstant();
        }
        return jdbc.sql("""
                UPDATE measurement_schedule SET next_due_at = :next, last_sent_at = :now
                WHERE id = :id AND active = TRUE AND next_due_at = :was""")
                .param("next", utc(next)).param("now", utc(now)).param("id", schedule.id())
                .param("was", utc(schedule.nextDueAt())).update() == 1;
    }

    private static Schedule map(java.sql.ResultSet rs) throws java.sql.SQLException {
        var last = rs.getObject("last_sent_at", OffsetDateTime.class);
        return new Schedule(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getString("instrument"), rs.getInt("every_days"),
                rs.getObject("next_due_at", OffsetDateTime.class).toInstant(), rs.getBoolean("active"),
                last == null ? null : last.toInstant(), rs.getString("created_by"), rs.getString("reason"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
