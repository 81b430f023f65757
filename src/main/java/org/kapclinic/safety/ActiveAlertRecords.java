// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kapclinic.patients.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Active (not yet acknowledged) safety alerts on patients as data for exchange (the FHIR API's flags and the bulk
 * export), in one query for a set of patients. The stored summary is left out: it may quote free text, and a flag
 * needs only the trigger and the level. Nothing here checks access or audits; the caller does.
 */
@Service
@Transactional(readOnly = true)
public class ActiveAlertRecords {

    /** One open alert: {@code trigger} is its code, {@code description} the clinic's words for it. */
    public record ActiveAlert(AlertId id, PatientId patientId, AlertLevel level, String trigger, String description,
            Instant raisedAt) {}

    private final JdbcClient jdbc;

    ActiveAlertRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ActiveAlert> activeFor(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, patient_id, level, trigger_code, raised_at FROM safety_alert
                WHERE patient_id IN (:ids) AND status = 'OPEN' ORDER BY raised_at, id""")
                .param("ids", patientIds)
                .query((rs, n) -> new ActiveAlert(new AlertId(rs.getObject(1, UUID.class)),
                        new PatientId(rs.getObject(2, UUID.class)), AlertLevel.valueOf(rs.getString(3)),
                        rs.getString(4), Triggers.describe(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Whose alert this is (empty for an inquiry's alert, which is no patient's). */
    public Optional<PatientId> patientOf(UUID alertId) {
        return jdbc.sql("SELECT patient_id FROM safety_alert WHERE id = :id AND patient_id IS NOT NULL")
                .param("id", alertId).query(UUID.class).optional().map(PatientId::new);
    }
}
