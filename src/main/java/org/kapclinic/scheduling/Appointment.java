// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.eligibility.Modality;

/** A booked (or cancelled, or rescheduled) appointment. For dosing, start to end is the chair's whole reservation. */
public record Appointment(UUID id, UUID patientId, AppointmentType type, String label, @Nullable Modality modality,
        UUID locationId, @Nullable UUID roomId, @Nullable UUID chairId, @Nullable UUID clinicianId, Instant startsAt,
        Instant endsAt, @Nullable Instant doseAt, @Nullable UUID planId, @Nullable UUID planItemId, Status status,
        @Nullable UUID replaces, @Nullable String changeReason, @Nullable Instant transportConfirmedAt,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {

    /**
     * No appointment lasts longer than this (the longest protocol is 20 min of checks, 600 min of dosing, 600 of
     * observation and a buffer). Overlap queries use it as a lower bound on {@code starts_at}, so they read a day's
     * rows from the index instead of every past appointment.
     */
    public static final java.time.Duration LONGEST = java.time.Duration.ofHours(24);


    public enum Status { BOOKED, CANCELLED, RESCHEDULED }

    public boolean booked() {
        return status == Status.BOOKED;
    }

    public boolean overlaps(Instant from, Instant to) {
        return startsAt.isBefore(to) && endsAt.isAfter(from);
    }
}
