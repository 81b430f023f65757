// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import static org.kapclinic.assessments.AssessmentRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Questionnaire requests. Every change is a conditional update on {@code version}, so two tabs cannot both submit. */
@Repository
class QuestionnaireRepository {

    private static final String COLUMNS = """
            id, patient_id, instrument, channel, status, draft_answers, flags_raised, sent_to, created_at, created_by,
            expires_at, remind_at, reminded_at, opened_at, completed_at, assessment_id, version""";

    private final JdbcClient jdbc;
    private final AnswerJson answers;

    QuestionnaireRepository(JdbcClient jdbc, AnswerJson answers) {
        this.jdbc = jdbc;
        this.answers = answers;
    }

    void insert(QuestionnaireRequest r, String tokenHash) {
        jdbc.sql("INSERT INTO questionnaire_request (" + COLUMNS + ", token_hash) VALUES (:id, :patient, :instrument,"
                        + " :channel, :status, :draft, '', :sentTo, :created, :by, :expires, :remindAt, NULL, NULL, NULL,"
                        + " NULL, 0, :hash)")
                .param("id", r.id().value()).param("patient", r.patientId().value()).param("instrument", r.instrument())
                .param("channel", r.channel().name()).param("status", r.status().name())
                .param("draft", answers.write(r.draft())).param("sentTo", r.sentTo())
                .param("created", utc(r.createdAt())).param("by", r.createdBy()).param("expires", utc(r.expiresAt()))
                .param("remindAt", r.remindAt() == null ? null : utc(r.remindAt())).param("hash", tokenHash)
                .update();
    }

    Optional<QuestionnaireRequest> findByTokenHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM questionnaire_request WHERE token_hash = :h OR reminder_token_hash = :h")
                .param("h", hash).query(this::map).optional();
    }

    Optional<QuestionnaireRequest> find(RequestId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM questionnaire_request WHERE id = :id").param("id", id.value())
                .query(this::map).optional();
    }

    /** Newest first. */
    List<QuestionnaireRequest> forPatient(PatientId patient, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM questionnaire_request WHERE patient_id = :p"
                        + " ORDER BY created_at DESC LIMIT :limit")
                .param("p", patient.value()).param("limit", limit).query(this::map).list();
    }

    List<QuestionnaireRequest> openFor(PatientId patient, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM questionnaire_request WHERE patient_id = :p AND status = 'OPEN'"
                        + " AND expires_at > :now ORDER BY created_at")
                .param("p", patient.value()).param("now", utc(now)).query(this::map).list();
    }

    boolean saveDraft(RequestId id, long version, Map<String, Integer> draft, List<String> flagsRaised, Instant openedAt) {
        return jdbc.sql("""
                UPDATE questionnaire_request SET draft_answers = :draft, flags_raised = :flags,
                    opened_at = COALESCE(opened_at, :opened), version = version + 1
                WHERE id = :id AND version = :version AND status = 'OPEN'""")
                .param("draft", answers.write(draft)).param("flags", String.join(",", flagsRaised))
                .param("opened", utc(openedAt)).param("id", id.value()).param("version", version)
                .update() == 1;
    }

    boolean markOpened(RequestId id, Instant at) {
        return jdbc.sql("UPDATE questionnaire_request SET opened_at = :at WHERE id = :id AND opened_at IS NULL")
                .param("at", utc(at)).param("id", id.value()).update() == 1;
    }

    boolean complete(RequestId id, long version, AssessmentId assessment, Instant at) {
        return jdbc.sql("""
                UPDATE questionnaire_request SET status = 'COMPLETED', completed_at = :at, assessment_id = :a,
                    version = version + 1
                WHERE id = :id AND version = :version AND status = 'OPEN'""")
                .param("at", utc(at)).param("a", assessment.value()).param("id", id.value()).param("version", version)
                .update() == 1;
    }

    boolean cancel(RequestId id, Instant at, String by) {
        return jdbc.sql("""
                UPDATE questionnaire_request SET status = 'CANCELLED', cancelled_at = :at, cancelled_by = :by,
                    version = version + 1
                WHERE id = :id AND status = 'OPEN'""")
                .param("at", utc(at)).param("by", by).param("id", id.value()).update() == 1;
    }

    /** Emailed links still open whose reminder time has come. */
    List<QuestionnaireRequest> dueForReminder(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM questionnaire_request WHERE status = 'OPEN' AND remind_at <= :now"
                        + " AND reminded_at IS NULL AND expires_at > :now ORDER BY remind_at LIMIT 200")
                .param("now", utc(now)).query(this::map).list();
    }

    /** Claims the reminder (once, whichever node gets here first) and stores the reminder link's hash. */
    boolean claimReminder(RequestId id, String tokenHash, Instant now) {
        return jdbc.sql("""
                UPDATE questionnaire_request SET reminded_at = :now, reminder_token_hash = :hash
                WHERE id = :id AND reminded_at IS NULL AND status = 'OPEN'""")
                .param("now", utc(now)).param("hash", tokenHash).param("id", id.value()).update() == 1;
    }

    private QuestionnaireRequest map(ResultSet rs, int n) throws SQLException {
        var flags = rs.getString("flags_raised");
        var assessment = rs.getObject("assessment_id", UUID.class);
        return new QuestionnaireRequest(new RequestId(rs.getObject("id", UUID.class)),
                new PatientId(rs.getObject("patient_id", UUID.class)), rs.getString("instrument"),
                Channel.valueOf(rs.getString("channel")), QuestionnaireRequest.Status.valueOf(rs.getString("status")),
                answers.read(rs.getString("draft_answers")),
                flags == null || flags.isEmpty() ? List.of() : Arrays.asList(flags.split(",")), rs.getString("sent_to"),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "expires_at"),
                instant(rs, "remind_at"), instant(rs, "reminded_at"), instant(rs, "opened_at"),
                instant(rs, "completed_at"), assessment == null ? null : new AssessmentId(assessment),
                rs.getLong("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
