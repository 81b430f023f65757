// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;

/** A prescriber's evaluation of one patient for one modality. OPEN until its decision is signed, then DECIDED. */
public record Evaluation(UUID id, PatientId patientId, Modality modality, @Nullable LocalDate episodeStart,
        TreatmentHistory ect, TreatmentHistory tms, @Nullable Severity severity, @Nullable LocalDate remsEnrolledOn,
        String notes, Status status, Instant startedAt, String startedBy, Instant updatedAt, String updatedBy,
        long version) {

    public enum Status { OPEN, DECIDED }

    public boolean open() {
        return status == Status.OPEN;
    }

    /** What the history form edits. */
    public record History(Modality modality, @Nullable LocalDate episodeStart, TreatmentHistory ect,
            TreatmentHistory tms, @Nullable Severity severity, @Nullable LocalDate remsEnrolledOn, String notes,
            long version) {}
}
