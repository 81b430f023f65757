// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only history of a patient record: one revision per registration, correction, care-team change or void. */
@Component
class PatientRevisions {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PatientRevisions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void append(PatientId patient, String kind, List<PatientRevision.Change> changes, @Nullable String reason,
            String by, Instant at) {
        int next = jdbc.sql("SELECT COALESCE(MAX(revision), 0) + 1 FROM patient_revision WHERE patient_id = :id")
                .param("id", patient.value()).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO patient_revision (id, patient_id, revision, kind, changed_at, changed_by, reason, changes)
                VALUES (:id, :patient, :revision, :kind, :at, :by, :reason, :changes)""")
                .param("id", UUID.randomUUID()).param("patient", patient.value()).param("revision", next)
                .param("kind", kind).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by)
                .param("reason", reason).param("changes", json.writeValueAsString(changes))
                .update();
    }

    List<PatientRevision> history(PatientId patient) {
        return jdbc.sql("""
                SELECT revision, kind, changed_at, changed_by, reason, changes FROM patient_revision
                WHERE patient_id = :id ORDER BY revision DESC""")
                .param("id", patient.value())
                .query((rs, n) -> new PatientRevision(rs.getInt("revision"), rs.getString("kind"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("changed_by"),
                        rs.getString("reason"),
                        json.readValue(rs.getString("changes"), new TypeReference<List<PatientRevision.Change>>() {})))
                .list();
    }

    /** Field-by-field differences between two versions of the demographics. */
    static List<PatientRevision.Change> diff(@Nullable PatientDetails before, PatientDetails after) {
        var changes = new ArrayList<PatientRevision.Change>();
        for (RecordComponent component : PatientDetails.class.getRecordComponents()) {
            var from = before == null ? null : text(read(component, before));
            var to = text(read(component, after));
            if (!Objects.equals(from, to)) {
                changes.add(new PatientRevision.Change(component.getName(), from, to));
            }
        }
        return changes;
    }

    private static @Nullable Object read(RecordComponent component, PatientDetails details) {
        try {
            return component.getAccessor().invoke(details);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
