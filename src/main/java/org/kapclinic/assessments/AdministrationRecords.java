// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kapclinic.patients.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored administrations as data for exchange (the FHIR API and the bulk export): every administration of the given
 * patients, oldest first, in one query. Nothing here checks the caller's access or audits: the caller opens the
 * patient through {@code Patients.forCare} (or runs an admin's whole-clinic export) and audits what it hands out.
 */
@Service
@Transactional(readOnly = true)
public class AdministrationRecords {

    private final JdbcClient jdbc;
    private final AnswerJson answers;

    AdministrationRecords(JdbcClient jdbc, AnswerJson answers) {
        this.jdbc = jdbc;
        this.answers = answers;
    }

    public List<AssessmentView> forPatients(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, patient_id, instrument, instrument_version, answers, total, severity, flags, channel,
                    administered_at, recorded_at, recorded_by
                FROM assessment WHERE patient_id IN (:ids) ORDER BY administered_at, recorded_at, id""")
                .param("ids", patientIds)
                .query((rs, n) -> {
                    var flags = rs.getString("flags");
                    return new AssessmentView(new AssessmentId(rs.getObject("id", UUID.class)),
                            new PatientId(rs.getObject("patient_id", UUID.class)), rs.getString("instrument"),
                            rs.getString("instrument_version"), answers.read(rs.getString("answers")),
                            (Integer) rs.getObject("total", Integer.class), rs.getString("severity"),
                            flags.isEmpty() ? List.of() : Arrays.asList(flags.split(",")),
                            Channel.valueOf(rs.getString("channel")),
                            rs.getObject("administered_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"));
                })
                .list();
    }

    /** Whose administration this is, to check access before reading it. */
    public Optional<PatientId> patientOf(UUID assessmentId) {
        return jdbc.sql("SELECT patient_id FROM assessment WHERE id = :id").param("id", assessmentId)
                .query(UUID.class).optional().map(PatientId::new);
    }
}
