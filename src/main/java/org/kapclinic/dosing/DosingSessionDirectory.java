// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identifiers other modules need about a dosing session without opening it: which appointment it was opened from,
 * whose it is and when it ended (the therapy-notes module links integration items and patients' reflections by them).
 * Nothing here checks the caller's access or audits: callers check the patient themselves, like
 * {@code PatientDirectory}.
 */
@Service
@Transactional(readOnly = true)
public class DosingSessionDirectory {

    /** One session's links; {@code endKind} is a {@code DosingSession.EndKind} name, null while it runs. */
    public record SessionLink(UUID sessionId, UUID patientId, UUID appointmentId, Instant openedAt,
            @Nullable Instant endedAt, @Nullable String endKind) {}

    private final JdbcClient jdbc;

    DosingSessionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SessionLink> find(UUID sessionId) {
        return jdbc.sql("SELECT id, patient_id, appointment_id, opened_at, ended_at, end_kind FROM dosing_session"
                        + " WHERE id = :id")
                .param("id", sessionId).query((rs, n) -> map(rs)).optional();
    }

    /** The sessions opened from these appointments (at most one each). */
    public List<SessionLink> forAppointments(Collection<UUID> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, patient_id, appointment_id, opened_at, ended_at, end_kind FROM dosing_session"
                        + " WHERE appointment_id IN (:ids)")
                .param("ids", appointmentIds).query((rs, n) -> map(rs)).list();
    }

    private static SessionLink map(java.sql.ResultSet rs) throws java.sql.SQLException {
        var ended = rs.getObject(5, OffsetDateTime.class);
        return new SessionLink(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, OffsetDateTime.class).toInstant(), ended == null ? null : ended.toInstant(),
                rs.getString(6));
    }
}
