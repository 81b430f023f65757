// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.dosing.rems.PatientMonitoringForm.Revision;
import org.kapclinic.dosing.rems.PatientMonitoringForm.Submission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The form tables (V5_010): one header row per session, its working values, revisions, submissions and changes. */
@Repository
class FormRepository {

    /** The header row. */
    record StoredForm(UUID id, UUID sessionId, UUID patientId, UUID locationId, LocalDate treatmentDate,
            LocalDate dueOn, String formVersion, FormStatus status, int revision, @Nullable LocalDate firstSubmittedOn,
            @Nullable Integer submittedRevision, long version) {}

    /** A field's working value: the automatic one and a clinician's entry, which wins when there is one. */
    record StoredValue(String field, @Nullable String autoValue, @Nullable Instant autoChangedAt,
            @Nullable String manualValue, @Nullable String manualBy, @Nullable Instant manualAt,
            @Nullable String overrideReason) {

        boolean entered() {
            return manualAt != null;
        }

        @Nullable String effective() {
            return entered() ? manualValue : autoValue;
        }

        static StoredValue empty(String field) {
            return new StoredValue(field, null, null, null, null, null, null);
        }

        /** A clinician's entry (null: cleared) beside the same automatic value. */
        StoredValue entered(@Nullable String value, String by, Instant at, @Nullable String reason) {
            return new StoredValue(field, autoValue, autoChangedAt, value, by, at, reason);
        }

        /** Back to the automatic value, with no entry. */
        StoredValue restored() {
            return new StoredValue(field, autoValue, autoChangedAt, null, null, null, null);
        }
    }

    /** A change row as stored (the label is added by the reader). */
    record StoredChange(int revision, String field, PatientMonitoringForm.ChangeKind kind, @Nullable String oldValue,
            @Nullable String newValue, @Nullable String reason, Instant changedAt, String changedBy) {}

    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    FormRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredForm> bySession(UUID sessionId, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM rems_monitoring_form WHERE session_id = :s" + (forUpdate ? " FOR UPDATE" : ""))
                .param("s", sessionId).query(FormRepository::form).optional();
    }

    void insert(StoredForm f, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO rems_monitoring_form (id, session_id, patient_id, location_id, treatment_date, due_on,
                    form_version, status, revision, created_at, created_by, updated_at, updated_by, version)
                VALUES (:id, :s, :p, :l, :t, :due, :fv, :st, 0, :at, :by, :at, :by, 0)""")
                .param("id", f.id()).param("s", f.sessionId()).param("p", f.patientId()).param("l", f.locationId())
                .param("t", f.treatmentDate()).param("due", f.dueOn()).param("fv", f.formVersion())
                .param("st", f.status().name()).param("at", utc(at)).param("by", by).update();
    }

    /** Moves the header on (status, revision, dates) and bumps its version; false if someone else changed it first. */
    boolean update(StoredForm f, Instant at, String by) {
        return jdbc.sql("""
                UPDATE rems_monitoring_form SET location_id = :l, treatment_date = :t, due_on = :due, status = :st,
                    revision = :r, first_submitted_on = :fs, submitted_revision = :sr, updated_at = :at,
                    updated_by = :by, version = version + 1
                WHERE id = :id AND version = :v""")
                .param("l", f.locationId()).param("t", f.treatmentDate()).param("due", f.dueOn())
                .param("st", f.status().name()).param("r", f.revision()).param("fs", f.firstSubmittedOn())
                .param("sr", f.submittedRevision()).param("at", utc(at)).param("by", by).param("id", f.id())
                .param("v", f.version()).update() == 1;
    }

    /** As {@link #update}; the header row is locked by the caller ({@code bySession(..., true)}), so it cannot miss. */
    void save(StoredForm f, Instant at, String by) {
        if (!update(f, at, by)) {
            throw new IllegalStateException("The form changed while it was being saved; reload and try again.");
        }
    }

    Map<String, StoredValue> values(UUID formId) {
        var map = new LinkedHashMap<String, StoredValue>();
        jdbc.sql("SELECT * FROM rems_form_value WHERE form_id = :f").param("f", formId).query(rs -> {
            var v = new StoredValue(rs.getString("field_key"), rs.getString("auto_value"),
                    instant(rs, "auto_changed_at"), rs.getString("manual_value"), rs.getString("manual_by"),
                    instant(rs, "manual_at"), rs.getString("override_reason"));
            map.put(v.field(), v);
        });
        return map;
    }

    void saveValue(UUID formId, StoredValue v, boolean exists) {
        var sql = exists ? """
                UPDATE rems_form_value SET auto_value = :av, auto_changed_at = :ac, manual_value = :mv, manual_by = :mb,
                    manual_at = :ma, override_reason = :r WHERE form_id = :f AND field_key = :k"""
                : """
                INSERT INTO rems_form_value (form_id, field_key, auto_value, auto_changed_at, manual_value, manual_by,
                    manual_at, override_reason) VALUES (:f, :k, :av, :ac, :mv, :mb, :ma, :r)""";
        jdbc.sql(sql).param("f", formId).param("k", v.field()).param("av", v.autoValue())
                .param("ac", utc(v.autoChangedAt())).param("mv", v.manualValue()).param("mb", v.manualBy())
                .param("ma", utc(v.manualAt())).param("r", v.overrideReason()).update();
    }

    void addChange(UUID formId, StoredChange c) {
        jdbc.sql("""
                INSERT INTO rems_form_change (id, form_id, revision, field_key, kind, old_value, new_value, reason,
                    changed_at, changed_by) VALUES (:id, :f, :r, :k, :kind, :o, :n, :why, :at, :by)""")
                .param("id", UUID.randomUUID()).param("f", formId).param("r", c.revision()).param("k", c.field())
                .param("kind", c.kind().name()).param("o", c.oldValue()).param("n", c.newValue())
                .param("why", c.reason()).param("at", utc(c.changedAt())).param("by", c.changedBy()).update();
    }

    List<StoredChange> changes(UUID formId) {
        return jdbc.sql("SELECT * FROM rems_form_change WHERE form_id = :f ORDER BY changed_at, field_key")
                .param("f", formId)
                .query((rs, n) -> new StoredChange(rs.getInt("revision"), rs.getString("field_key"),
                        PatientMonitoringForm.ChangeKind.valueOf(rs.getString("kind")), rs.getString("old_value"),
                        rs.getString("new_value"), rs.getString("reason"), instant(rs, "changed_at"),
                        rs.getString("changed_by")))
                .list();
    }

    void addRevision(UUID formId, Revision r) {
        jdbc.sql("""
                INSERT INTO rems_form_revision (form_id, revision, form_values, changed_fields, reason, signed_at,
                    signed_by, signed_by_name) VALUES (:f, :r, :v, :c, :why, :at, :by, :name)""")
                .param("f", formId).param("r", r.number()).param("v", json.writeValueAsString(r.values()))
                .param("c", r.changedFields().isEmpty() ? null : String.join(",", r.changedFields()))
                .param("why", r.reason()).param("at", utc(r.signedAt())).param("by", r.signedBy())
                .param("name", r.signedByName()).update();
    }

    List<Revision> revisions(UUID formId) {
        return jdbc.sql("SELECT * FROM rems_form_revision WHERE form_id = :f ORDER BY revision").param("f", formId)
                .query((rs, n) -> {
                    var changed = rs.getString("changed_fields");
                    return new Revision(rs.getInt("revision"), json.readValue(rs.getString("form_values"), VALUES),
                            changed == null ? List.of() : Arrays.asList(changed.split(",")), rs.getString("reason"),
                            instant(rs, "signed_at"), rs.getString("signed_by"), rs.getString("signed_by_name"));
                })
                .list();
    }

    void addSubmission(UUID formId, Submission s) {
        jdbc.sql("""
                INSERT INTO rems_form_submission (id, form_id, revision, submitted_on, method, confirmation, late,
                    recorded_at, recorded_by) VALUES (:id, :f, :r, :on, :m, :c, :late, :at, :by)""")
                .param("id", UUID.randomUUID()).param("f", formId).param("r", s.revision())
                .param("on", s.submittedOn()).param("m", s.method().name()).param("c", s.confirmation())
                .param("late", s.late()).param("at", utc(s.recordedAt())).param("by", s.recordedBy()).update();
    }

    List<Submission> submissions(UUID formId) {
        return jdbc.sql("SELECT * FROM rems_form_submission WHERE form_id = :f ORDER BY recorded_at").param("f", formId)
                .query((rs, n) -> new Submission(rs.getInt("revision"), rs.getObject("submitted_on", LocalDate.class),
                        SubmissionMethod.valueOf(rs.getString("method")), rs.getString("confirmation"),
                        rs.getBoolean("late"), instant(rs, "recorded_at"), rs.getString("recorded_by")))
                .list();
    }

    static StoredForm form(ResultSet rs, int n) throws SQLException {
        return new StoredForm(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getObject("location_id", UUID.class),
                rs.getObject("treatment_date", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getString("form_version"), FormStatus.valueOf(rs.getString("status")), rs.getInt("revision"),
                rs.getObject("first_submitted_on", LocalDate.class), (Integer) rs.getObject("submitted_revision"),
                rs.getLong("version"));
    }

    static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }
}
