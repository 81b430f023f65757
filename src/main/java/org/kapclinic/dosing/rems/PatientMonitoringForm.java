// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.dosing.rems.FormDefinition.Field;
import org.kapclinic.patients.PatientId;

/**
 * A session's SPRAVATO REMS Patient Monitoring Form as it stands: every field with its value and where the value came
 * from, the completeness check, the signed revisions, the submissions and the history of changes. While the form is a
 * draft the values are the working values; once signed they are the latest signed revision's.
 *
 * @param dueOn the last day to submit it: the treatment date plus {@code kap.rems.submission-days} (7)
 * @param revision signed revisions so far: 0 for a draft, 1 once signed, one more per amendment
 * @param sessionChanges values the session record changed after the latest sign-off (amend the form if they are right)
 * @param version changes with every change to the form; a page sends it back with a sign-off or amendment
 * @param today the clinic's date when this view was made
 */
public record PatientMonitoringForm(UUID id, UUID sessionId, PatientId patient, UUID locationId,
        LocalDate treatmentDate, LocalDate dueOn, FormStatus status, int revision, FormDefinition definition,
        List<SectionView> sections, FormCheck check, @Nullable LocalDate firstSubmittedOn,
        @Nullable Integer submittedRevision, List<Revision> revisions, List<Submission> submissions,
        List<Change> changes, List<SessionChange> sessionChanges, boolean certified, long version, LocalDate today) {

    /** Where a field's value came from. */
    public enum Source {
        /** from the dosing session's record */
        SESSION("from the session record"),
        /** from the location's REMS certification */
        SETTING("from the REMS certification"),
        /** typed by a clinician (no automatic value) */
        ENTERED("entered"),
        /** typed by a clinician in place of the automatic value, with a reason */
        CHANGED("changed from the session record"),
        /** no value */
        NONE("");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record SectionView(String key, String title, @Nullable String help, List<FieldView> fields) {}

    /**
     * @param autoValue what the session record or the certification gives, when a clinician's entry differs from it
     * @param required whether the field needs an answer given the other answers
     */
    public record FieldView(Field field, @Nullable String value, Source source, @Nullable String autoValue,
            @Nullable String enteredBy, @Nullable Instant enteredAt, @Nullable String reason, boolean required) {

        public String display() {
            return FieldValues.display(field, value);
        }

        public String autoDisplay() {
            return FieldValues.display(field, autoValue);
        }

        public String key() {
            return field.key();
        }
    }

    /** One sign-off: revision 1 is the original; later ones are amendments with their reason. */
    public record Revision(int number, Map<String, String> values, List<String> changedFields, @Nullable String reason,
            Instant signedAt, String signedBy, String signedByName) {}

    public record Submission(int revision, LocalDate submittedOn, SubmissionMethod method, String confirmation,
            boolean late, Instant recordedAt, String recordedBy) {}

    /** A change of one value after the form was created. */
    public record Change(int revision, String field, String label, ChangeKind kind, @Nullable String oldValue,
            @Nullable String newValue, @Nullable String reason, Instant changedAt, String changedBy) {}

    public enum ChangeKind {
        ENTERED("entered"), CHANGED("changed from the session record"), RESTORED("returned to the session record"),
        REFRESHED("updated by the session record"), AMENDED("amended after sign-off");

        private final String label;

        ChangeKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A value the session record now gives that differs from the signed one. */
    public record SessionChange(String field, String label, @Nullable String signedValue, @Nullable String sessionValue) {}

    public boolean locked() {
        return status != FormStatus.DRAFT;
    }

    /** Not yet sent to the REMS and past its due date. */
    public boolean overdue() {
        return firstSubmittedOn == null && today.isAfter(dueOn);
    }

    /** Days until the due date (negative when overdue). */
    public long daysLeft() {
        return ChronoUnit.DAYS.between(today, dueOn);
    }

    /** Amended after it was sent: the correction still has to reach the REMS. */
    public boolean correctionToSend() {
        return status == FormStatus.SIGNED && submittedRevision != null;
    }

    public @Nullable Revision latestRevision() {
        return revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
    }

    public @Nullable Submission latestSubmission() {
        return submissions.isEmpty() ? null : submissions.get(submissions.size() - 1);
    }

    /** The value of a field as it stands (null when not given). */
    public @Nullable String value(String key) {
        return sections.stream().flatMap(s -> s.fields().stream()).filter(f -> f.key().equals(key)).findFirst()
                .map(FieldView::value).orElse(null);
    }

    public @Nullable FieldView field(String key) {
        return sections.stream().flatMap(s -> s.fields().stream()).filter(f -> f.key().equals(key)).findFirst()
                .orElse(null);
    }
}
