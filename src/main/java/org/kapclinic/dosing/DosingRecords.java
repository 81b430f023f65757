// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dosing sessions, their administrations and their checks' vital signs as data for exchange (the FHIR API and the
 * bulk export), each in one query for a set of patients. Nothing here checks the caller's access or audits: the caller
 * opens the patient through {@code Patients.forCare} (or runs an admin's whole-clinic export) and audits.
 */
@Service
@Transactional(readOnly = true)
public class DosingRecords {

    /**
     * One session. The administration fields are null until a dose was prepared; {@code route} is a {@link Route}
     * name, {@code drug} ESKETAMINE or KETAMINE, {@code administeredBy} as typed on the form (a name, or "Patient
     * (self-administered ...)" for nasal devices).
     */
    public record SessionRecord(UUID id, PatientId patientId, UUID appointmentId, UUID locationId, String modality,
            SessionStatus status, Instant openedAt, @Nullable Instant endedAt, @Nullable String endKind,
            @Nullable String drug, @Nullable Route route, @Nullable BigDecimal doseMg, @Nullable BigDecimal mgPerKg,
            @Nullable BigDecimal weightKg, @Nullable Integer infusionMinutes, @Nullable String lotNumber,
            @Nullable LocalDate lotExpiry, @Nullable String administeredBy, @Nullable Instant doseStartedAt,
            @Nullable Instant doseEndedAt) {}

    /** One check's readings, taken during the session of that id. */
    public record CheckRecord(UUID id, UUID sessionId, PatientId patientId, Check.Phase phase, Instant takenAt,
            Vitals vitals, @Nullable Integer moaas, String recordedBy) {}

    private final JdbcClient jdbc;

    DosingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SessionRecord> sessionsFor(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, patient_id, appointment_id, location_id, modality, status, opened_at, ended_at, end_kind,
                    drug, route, dose_mg, mg_per_kg, weight_kg, infusion_minutes, lot_number, lot_expiry,
                    administered_by, dose_started_at, dose_ended_at
                FROM dosing_session WHERE patient_id IN (:ids) ORDER BY opened_at, id""")
                .param("ids", patientIds).query((rs, n) -> session(rs)).list();
    }

    public List<CheckRecord> checksFor(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT c.id, c.session_id, s.patient_id, c.phase, c.taken_at, c.systolic, c.diastolic, c.heart_rate,
                    c.spo2, c.resp_rate, c.moaas, c.recorded_by
                FROM dosing_check c JOIN dosing_session s ON s.id = c.session_id
                WHERE s.patient_id IN (:ids) ORDER BY c.taken_at, c.id""")
                .param("ids", patientIds)
                .query((rs, n) -> new CheckRecord(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        new PatientId(rs.getObject(3, UUID.class)), Check.Phase.valueOf(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        new Vitals(integer(rs, 6), integer(rs, 7), integer(rs, 8), integer(rs, 9), integer(rs, 10)),
                        integer(rs, 11), rs.getString(12)))
                .list();
    }

    /** Whose session this is, to check access before reading it. */
    public Optional<PatientId> patientOfSession(UUID sessionId) {
        return jdbc.sql("SELECT patient_id FROM dosing_session WHERE id = :id").param("id", sessionId)
                .query(UUID.class).optional().map(PatientId::new);
    }

    /** Whose check this is. */
    public Optional<PatientId> patientOfCheck(UUID checkId) {
        return jdbc.sql("SELECT s.patient_id FROM dosing_check c JOIN dosing_session s ON s.id = c.session_id"
                        + " WHERE c.id = :id").param("id", checkId)
                .query(UUID.class).optional().map(PatientId::new);
    }

    private static SessionRecord session(ResultSet rs) throws SQLException {
        var route = rs.getString("route");
        var expiry = rs.getObject("lot_expiry", LocalDate.class);
        return new SessionRecord(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getObject("appointment_id", UUID.class), rs.getObject("location_id", UUID.class),
                rs.getString("modality"), SessionStatus.valueOf(rs.getString("status")), instant(rs, "opened_at"),
                instant(rs, "ended_at"), rs.getString("end_kind"), rs.getString("drug"),
                route == null ? null : Route.valueOf(route), rs.getBigDecimal("dose_mg"), rs.getBigDecimal("mg_per_kg"),
                rs.getBigDecimal("weight_kg"), integer(rs, rs.findColumn("infusion_minutes")),
                rs.getString("lot_number"), expiry, rs.getString("administered_by"), instant(rs, "dose_started_at"),
                instant(rs, "dose_ended_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Integer integer(ResultSet rs, int column) throws SQLException {
        var value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
