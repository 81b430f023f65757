// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientId;

/** A template applied to a patient: its generated items, its revisions, its approval and its end. */
public record TreatmentPlan(UUID id, PatientId patientId, String templateCode, int templateVersion,
        String templateName, Modality modality, ProtocolDefinition definition, LocalDate startDate, LocalTime doseTime,
        LocalTime therapyTime, @Nullable Integer everyDays, Status status, @Nullable UUID decisionId, Instant createdAt,
        String createdBy, @Nullable Instant approvedAt, @Nullable String approvedBy, @Nullable EndDecision endDecision,
        @Nullable String endNote, @Nullable Instant endedAt, @Nullable String endedBy, long version,
        List<Item> items, List<Revision> revisions) {

    public enum Status { DRAFT, APPROVED, ENDED, DISCARDED }

    /** What follows the plan: recorded when it ends. */
    public enum EndDecision {
        MAINTENANCE("Move to maintenance"),
        TRANSITION("Transition to another treatment"),
        REPEAT("Repeat the series"),
        STOP("Stop treatment");

        private final String label;

        EndDecision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum ItemStatus { PLANNED, MOVED, CANCELLED }

    public record Item(UUID id, int seq, PlannedItem.Kind kind, String label, Instant at, @Nullable Integer doseNumber,
            String phase, List<String> instruments, @Nullable String dose, ItemStatus status,
            @Nullable Integer changedIn) {

        public boolean live() {
            return status == ItemStatus.PLANNED;
        }
    }

    public record Revision(int revision, String summary, String reason, String changedBy, Instant changedAt) {}

    public List<Item> liveItems() {
        return items.stream().filter(Item::live).toList();
    }

    public long doses() {
        return liveItems().stream().filter(i -> i.kind() == PlannedItem.Kind.DOSING).count();
    }

    public boolean open() {
        return status == Status.DRAFT || status == Status.APPROVED;
    }
}
