// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Is this patient cleared to dose today, and if not, why?" The dosing module asks; it depends on safety, never the
 * other way round. An open immediate-level alert, or an acute-positive screen on the day, blocks a dose until a
 * prescriber clears it with a note (REFERENCE.md 6.3: a positive acute-risk screen is a pre-dose gate). A clearance
 * covers what was known when it was given: a new blocking finding after it blocks again.
 */
@Service
@Transactional
public class DosingClearance {

    public record Blocker(String reason, Instant since, @Nullable AlertId alertId) {}

    public record Clearance(boolean cleared, List<Blocker> blockers, @Nullable String clearedBy,
            @Nullable Instant clearedAt, @Nullable String note) {}

    private final JdbcClient jdbc;
    private final Patients patients;
    private final ClinicCalendar calendar;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DosingClearance(JdbcClient jdbc, Patients patients, ClinicCalendar calendar, CurrentUser currentUser,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(SafetyAlerts.CLINICIANS)
    @Transactional // not read-only: the read is audited
    public Clearance check(PatientId patient, LocalDate day) {
        patients.forCare(patient);
        var zone = calendar.zone();
        var start = OffsetDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
        var end = OffsetDateTime.ofInstant(day.plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
        var blockers = new ArrayList<Blocker>();
        jdbc.sql("SELECT id, raised_at, trigger_code FROM safety_alert WHERE patient_id = :p AND status = 'OPEN'"
                        + " AND level = 'IMMEDIATE' AND raised_at < :end ORDER BY raised_at")
                .param("p", patient.value()).param("end", end)
                .query(rs -> {
                    blockers.add(new Blocker("Open immediate safety alert (" + Triggers.describe(rs.getString(3)) + ")",
                            rs.getObject(2, OffsetDateTime.class).toInstant(), new AlertId(rs.getObject(1, UUID.class))));
                });
        jdbc.sql("""
                SELECT f.alert_id, f.found_at, f.detail FROM safety_finding f JOIN safety_alert a ON a.id = f.alert_id
                WHERE a.patient_id = :p AND f.trigger_code = 'acute-suicide-risk' AND f.found_at >= :start
                    AND f.found_at < :end ORDER BY f.found_at""")
                .param("p", patient.value()).param("start", start).param("end", end)
                .query(rs -> {
                    blockers.add(new Blocker("Acute-positive screen today: " + rs.getString(3),
                            rs.getObject(2, OffsetDateTime.class).toInstant(), new AlertId(rs.getObject(1, UUID.class))));
                });
        var clearance = jdbc.sql("SELECT cleared_by, cleared_at, note FROM dosing_clearance WHERE patient_id = :p"
                        + " AND clinic_day = :day ORDER BY cleared_at DESC LIMIT 1")
                .param("p", patient.value()).param("day", day)
                .query((rs, n) -> new Clearance(true, List.of(), rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)))
                .optional();
        audit.record(AuditRecord.patient("DOSING_CLEARANCE_CHECKED", patient.value()).withDetails(day.toString()));
        var remaining = clearance.map(c -> blockers.stream().filter(b -> b.since().isAfter(c.clearedAt())).toList())
                .orElse(blockers);
        if (remaining.isEmpty()) {
            return clearance.orElse(new Clearance(true, List.of(), null, null, null));
        }
        return new Clearance(false, remaining, null, null, null);
    }

    /** A prescriber clears the patient to dose today, with a note that says why it is safe. */
    @PreAuthorize("hasRole('PRESCRIBER')")
    public void clearToday(PatientId patient, String note) {
        patients.forCare(patient);
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("note: say why dosing is safe today.");
        }
        if (note.strip().length() > 2000) {
            throw new IllegalArgumentException("note: use at most 2000 characters.");
        }
        var id = UUID.randomUUID();
        var now = clock.instant();
        jdbc.sql("INSERT INTO dosing_clearance (id, patient_id, clinic_day, cleared_at, cleared_by, note)"
                        + " VALUES (:id, :p, :day, :at, :by, :note)")
                .param("id", id).param("p", patient.value()).param("day", now.atZone(calendar.zone()).toLocalDate())
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", currentUser.name())
                .param("note", note.strip()).update();
        events.publishEvent(new SafetyEvents.DoseCleared(patient.value(), id));
    }
}
