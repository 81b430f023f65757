// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reflections and reflection prompts, with plain SQL. */
@Repository
class ReflectionRepository {

    static final int PATIENT_LIMIT = 300;

    private final JdbcClient jdbc;

    ReflectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Reflection r, @Nullable String evidence, String by) {
        jdbc.sql("""
                INSERT INTO reflection (id, patient_id, appointment_id, appointment_at, phase, prompt_id, prompt, body,
                    crisis_finding, crisis_evidence, written_at, written_by)
                VALUES (:id, :patient, :appointment, :appointmentAt, :phase, :promptId, :prompt, :body, :finding,
                    :evidence, :at, :by)""")
                .param("id", r.id()).param("patient", r.patientId()).param("appointment", r.appointmentId())
                .param("appointmentAt", IntegrationRepository.utc(r.appointmentAt())).param("phase", r.phase().name())
                .param("promptId", r.promptId()).param("prompt", r.prompt()).param("body", r.body())
                .param("finding", r.crisisFinding()).param("evidence", evidence)
                .param("at", IntegrationRepository.utc(r.writtenAt())).param("by", by).update();
    }

    List<Reflection> forAppointments(UUID patient, Collection<UUID> appointments) {
        if (appointments.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM reflection WHERE patient_id = :p AND appointment_id IN (:a) ORDER BY written_at")
                .param("p", patient).param("a", appointments).query(ReflectionRepository::map).list();
    }

    List<Reflection> forPatient(UUID patient) {
        return jdbc.sql("SELECT * FROM reflection WHERE patient_id = :p ORDER BY written_at DESC FETCH FIRST "
                        + PATIENT_LIMIT + " ROWS ONLY")
                .param("p", patient).query(ReflectionRepository::map).list();
    }

    List<Reflection> forTimeline(UUID patient, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT * FROM reflection WHERE patient_id = :p AND written_at >= :from AND written_at < :to"
                        + " ORDER BY written_at DESC LIMIT :limit")
                .param("p", patient).param("from", IntegrationRepository.utc(from))
                .param("to", IntegrationRepository.utc(to)).param("limit", limit).query(ReflectionRepository::map).list();
    }

    void insertPrompt(ReflectionPrompt p) {
        jdbc.sql("INSERT INTO reflection_prompt (id, patient_id, prompt, created_at, created_by)"
                        + " VALUES (:id, :patient, :prompt, :at, :by)")
                .param("id", p.id()).param("patient", p.patientId()).param("prompt", p.prompt())
                .param("at", IntegrationRepository.utc(p.createdAt())).param("by", p.createdBy()).update();
    }

    boolean retirePrompt(UUID patient, UUID prompt, String by, Instant at) {
        return jdbc.sql("UPDATE reflection_prompt SET retired_at = :at, retired_by = :by"
                        + " WHERE id = :id AND patient_id = :p AND retired_at IS NULL")
                .param("at", IntegrationRepository.utc(at)).param("by", by).param("id", prompt).param("p", patient)
                .update() == 1;
    }

    /** Every prompt of the patient, newest first; {@code activeOnly} leaves retired ones out. */
    List<ReflectionPrompt> prompts(UUID patient, boolean activeOnly) {
        return jdbc.sql("SELECT * FROM reflection_prompt WHERE patient_id = :p"
                        + (activeOnly ? " AND retired_at IS NULL" : "") + " ORDER BY created_at DESC")
                .param("p", patient)
                .query((rs, n) -> new ReflectionPrompt(rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getString("prompt"), instant(rs, "created_at"),
                        rs.getString("created_by"), instant(rs, "retired_at")))
                .list();
    }

    Optional<ReflectionPrompt> activePrompt(UUID patient, UUID prompt) {
        return prompts(patient, true).stream().filter(p -> p.id().equals(prompt)).findFirst();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    static Reflection map(ResultSet rs, int n) throws SQLException {
        return new Reflection(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("appointment_id", UUID.class), instant(rs, "appointment_at"),
                ReflectionPhase.valueOf(rs.getString("phase")), rs.getObject("prompt_id", UUID.class),
                rs.getString("prompt"), rs.getString("body"), rs.getString("crisis_finding"), instant(rs, "written_at"));
    }
}
