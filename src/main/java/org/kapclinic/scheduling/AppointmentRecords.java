// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Instant;
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
 * Appointments other than dosing (evaluation, preparation, integration, therapy, follow-up) as data for exchange (the
 * FHIR API's encounters and the bulk export): booked and cancelled ones, never the rescheduled originals, in one query
 * for a set of patients. Only the schedule: no note content. Nothing here checks access or audits; the caller does.
 */
@Service
@Transactional(readOnly = true)
public class AppointmentRecords {

    /** One appointment; {@code clinicianId} is the staff account that sees the patient, if one was named. */
    public record AppointmentRecord(UUID id, PatientId patientId, AppointmentType type, String label,
            @Nullable UUID clinicianId, UUID locationId, Instant startsAt, Instant endsAt, Appointment.Status status) {}

    private final JdbcClient jdbc;

    AppointmentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AppointmentRecord> sessionsFor(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, patient_id, type, label, clinician_id, location_id, starts_at, ends_at, status
                FROM appointment WHERE patient_id IN (:ids) AND type <> 'DOSING' AND status <> 'RESCHEDULED'
                ORDER BY starts_at, id""")
                .param("ids", patientIds)
                .query((rs, n) -> new AppointmentRecord(rs.getObject(1, UUID.class),
                        new PatientId(rs.getObject(2, UUID.class)), AppointmentType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                        rs.getObject(7, OffsetDateTime.class).toInstant(),
                        rs.getObject(8, OffsetDateTime.class).toInstant(), Appointment.Status.valueOf(rs.getString(9))))
                .list();
    }

    /** Whose appointment this is, to check access before reading it. */
    public Optional<PatientId> patientOf(UUID appointmentId) {
        return jdbc.sql("SELECT patient_id FROM appointment WHERE id = :id").param("id", appointmentId)
                .query(UUID.class).optional().map(PatientId::new);
    }
}
