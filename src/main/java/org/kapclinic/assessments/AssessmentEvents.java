// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditedEvent;
import org.kapclinic.patients.PatientId;

/**
 * What happens to measurements, as named events. Each leaves an audit entry in the same transaction, and the safety
 * module listens to the two that carry findings in that transaction too, so answers and their alert commit together.
 */
public final class AssessmentEvents {

    private AssessmentEvents() {}

    /** A complete administration was scored and stored; {@code findings} is empty when nothing safety-relevant was answered. */
    public record AssessmentRecorded(AssessmentId id, PatientId patientId, String instrument, @Nullable Integer total,
            @Nullable String severity, List<String> flags, List<SafetyFinding> findings, Channel channel)
            implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("ASSESSMENT_RECORDED", AuditRecord.Outcome.SUCCESS, patientId.value(), "Assessment",
                    id.toString(), instrument + " via " + channel);
        }
    }

    /**
     * A patient saved answers part-way through a questionnaire and some of them are safety-relevant. Published only
     * for findings this questionnaire had not raised before, so each raises or attaches once.
     */
    public record SafetyAnswersSaved(RequestId requestId, PatientId patientId, String instrument,
            List<SafetyFinding> findings) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("QUESTIONNAIRE_SAFETY_ANSWER", AuditRecord.Outcome.SUCCESS, patientId.value(),
                    "QuestionnaireRequest", requestId.toString(), instrument);
        }
    }

    public record QuestionnaireSent(RequestId requestId, PatientId patientId, String instrument, Channel channel)
            implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("QUESTIONNAIRE_SENT", AuditRecord.Outcome.SUCCESS, patientId.value(),
                    "QuestionnaireRequest", requestId.toString(), instrument + " via " + channel);
        }
    }

    /** The patient opened the questionnaire (its items and any saved answers were shown). */
    public record QuestionnaireOpened(RequestId requestId, PatientId patientId) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("QUESTIONNAIRE_OPENED", AuditRecord.Outcome.SUCCESS, patientId.value(),
                    "QuestionnaireRequest", requestId.toString(), null);
        }
    }

    public record QuestionnaireProgressSaved(RequestId requestId, PatientId patientId, int answered)
            implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("QUESTIONNAIRE_PROGRESS_SAVED", AuditRecord.Outcome.SUCCESS, patientId.value(),
                    "QuestionnaireRequest", requestId.toString(), answered + " answered");
        }
    }

    public record QuestionnaireCancelled(RequestId requestId, PatientId patientId) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("QUESTIONNAIRE_CANCELLED", AuditRecord.Outcome.SUCCESS, patientId.value(),
                    "QuestionnaireRequest", requestId.toString(), null);
        }
    }

    public record QuestionnaireReminded(RequestId requestId, PatientId patientId) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("QUESTIONNAIRE_REMINDED", AuditRecord.Outcome.SUCCESS, patientId.value(),
                    "QuestionnaireRequest", requestId.toString(), null);
        }
    }
}
