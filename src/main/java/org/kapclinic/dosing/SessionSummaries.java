// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's dosing sessions with what a progress report shows of each: the dose, the highest blood pressure, the
 * deepest sedation (lowest MOAA/S), the strongest dissociation, side effects at their worst severity and the readings
 * the vitals rules flagged. One query (sessions with their checks), oldest first; every read is audited.
 */
@Service
public class SessionSummaries {

    private static final int MOST = 400;

    /** One session as a report lists it; dose fields are null when no dose was given. */
    public record SessionSummary(UUID id, Instant openedAt, String status, boolean dosed, @Nullable Integer doseNumber,
            @Nullable String drug, @Nullable Route route, @Nullable BigDecimal doseMg, @Nullable BigDecimal mgPerKg,
            @Nullable Integer peakSystolic, @Nullable Integer peakDiastolic, @Nullable Integer peakHeartRate,
            @Nullable Integer lowestSpo2, @Nullable Integer lowestMoaas, @Nullable Dissociation dissociation,
            Map<SideEffect, SideEffect.Severity> sideEffects, List<String> flaggedReadings) {}

    private final JdbcClient jdbc;
    private final Patients patients;
    private final AuditTrail audit;

    SessionSummaries(JdbcClient jdbc, Patients patients, AuditTrail audit) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.audit = audit;
    }

    /** For clinicians with access to the patient (care-team scope as the pages). */
    @PreAuthorize("hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')")
    @Transactional // not read-only: the read is audited
    public List<SessionSummary> forPatient(PatientId patient) {
        patients.forCare(patient);
        return read(patient, "progress report");
    }

    /** The signed-in patient's own sessions. */
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional // not read-only: the read is audited
    public List<SessionSummary> own() {
        return read(patients.ownRecord().id(), "portal progress report");
    }

    private List<SessionSummary> read(PatientId patient, String purpose) {
        var sessions = new LinkedHashMap<UUID, Builder>();
        jdbc.sql("""
                SELECT s.id, s.opened_at, s.status, s.dose_number, s.drug, s.route, s.dose_mg, s.mg_per_kg,
                    c.systolic, c.diastolic, c.heart_rate, c.spo2, c.moaas, c.dissociation, c.side_effects, c.flags
                FROM (SELECT id, opened_at, status, dose_number, drug, route, dose_mg, mg_per_kg FROM dosing_session
                    WHERE patient_id = :patient ORDER BY opened_at DESC LIMIT :most) s
                LEFT JOIN dosing_check c ON c.session_id = s.id
                ORDER BY s.opened_at, c.taken_at""")
                .param("patient", patient.value()).param("most", MOST)
                .query((ResultSet rs) -> {
                    var id = rs.getObject("id", UUID.class);
                    sessions.computeIfAbsent(id, k -> Builder.of(k, rs)).add(rs);
                });
        audit.record(AuditRecord.patient("DOSING_SESSIONS_LISTED", patient.value())
                .withDetails(sessions.size() + " sessions, " + purpose));
        return sessions.values().stream().map(Builder::build).toList();
    }

    private static final class Builder {
        private final UUID id;
        private final Instant openedAt;
        private final SessionStatus status;
        private final @Nullable Integer doseNumber;
        private final @Nullable String drug;
        private final @Nullable Route route;
        private final @Nullable BigDecimal doseMg;
        private final @Nullable BigDecimal mgPerKg;
        private @Nullable Integer systolic;
        private @Nullable Integer diastolic;
        private @Nullable Integer heartRate;
        private @Nullable Integer spo2;
        private @Nullable Integer moaas;
        private @Nullable Dissociation dissociation;
        private final Map<SideEffect, SideEffect.Severity> effects = new EnumMap<>(SideEffect.class);
        private final Set<String> flags = new LinkedHashSet<>();

        private Builder(UUID id, Instant openedAt, SessionStatus status, @Nullable Integer doseNumber,
                @Nullable String drug, @Nullable Route route, @Nullable BigDecimal doseMg, @Nullable BigDecimal mgPerKg) {
            this.id = id;
            this.openedAt = openedAt;
            this.status = status;
            this.doseNumber = doseNumber;
            this.drug = drug;
            this.route = route;
            this.doseMg = doseMg;
            this.mgPerKg = mgPerKg;
        }

        static Builder of(UUID id, ResultSet rs) {
            try {
                var route = rs.getString("route");
                return new Builder(id, rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                        SessionStatus.valueOf(rs.getString("status")), rs.getObject("dose_number", Integer.class),
                        rs.getString("drug"), route == null ? null : Route.valueOf(route), rs.getBigDecimal("dose_mg"),
                        rs.getBigDecimal("mg_per_kg"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(ResultSet rs) throws SQLException {
            var sys = rs.getObject("systolic", Integer.class);
            if (sys != null && (systolic == null || sys > systolic)) {
                systolic = sys;
                diastolic = rs.getObject("diastolic", Integer.class);
            }
            heartRate = max(heartRate, rs.getObject("heart_rate", Integer.class));
            var o2 = rs.getObject("spo2", Integer.class);
            if (o2 != null && (spo2 == null || o2 < spo2)) {
                spo2 = o2;
            }
            var sedation = rs.getObject("moaas", Integer.class);
            if (sedation != null && (moaas == null || sedation < moaas)) {
                moaas = sedation;
            }
            var dis = rs.getString("dissociation");
            if (dis != null && (dissociation == null || Dissociation.valueOf(dis).ordinal() > dissociation.ordinal())) {
                dissociation = Dissociation.valueOf(dis);
            }
            SideEffect.decode(rs.getString("side_effects")).forEach((effect, severity) ->
                    effects.merge(effect, severity, (a, b) -> a.ordinal() >= b.ordinal() ? a : b));
            var flagged = rs.getString("flags");
            if (flagged != null) {
                for (var line : flagged.split("\n")) {
                    if (!line.isBlank()) {
                        flags.add(line.trim());
                    }
                }
            }
        }

        private static @Nullable Integer max(@Nullable Integer a, @Nullable Integer b) {
            return a == null ? b : b == null ? a : Math.max(a, b);
        }

        SessionSummary build() {
            boolean dosed = status.dosed();
            return new SessionSummary(id, openedAt, status.label(), dosed, doseNumber, dosed ? drug : null,
                    dosed ? route : null, dosed ? doseMg : null, dosed ? mgPerKg : null, systolic, diastolic, heartRate,
                    spo2, moaas, dissociation, java.util.Collections.unmodifiableMap(new EnumMap<>(effects)),
                    new ArrayList<>(flags));
        }
    }
}
