// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientId;

/** One dosing session: opened from a booked dosing appointment, through the gate, the dose and observation. */
public record DosingSession(UUID id, PatientId patientId, UUID appointmentId, UUID locationId, @Nullable UUID chairId,
        Modality modality, @Nullable UUID planId, @Nullable Integer doseNumber, @Nullable String plannedDose,
        int observationMinutes, SessionStatus status, Instant openedAt, String openedBy, @Nullable BigDecimal weightKg,
        @Nullable Instant gatePassedAt, @Nullable String gatePassedBy, @Nullable Order order,
        @Nullable Dose dose, @Nullable End end, long version) {

    /** A prescriber's order for a dose outside the plan or the protocol's limits. */
    public record Order(@Nullable BigDecimal mg, @Nullable BigDecimal mgPerKg, String reason, String orderedBy,
            Instant orderedAt) {}

    /** The administration record. Started when the first device is given or the infusion starts. */
    public record Dose(Route route, BigDecimal mg, @Nullable BigDecimal mgPerKg, @Nullable Integer plannedDevices,
            @Nullable Integer infusionMinutes, @Nullable BigDecimal rateMgPerHour, @Nullable UUID lotId,
            String lotNumber, LocalDate lotExpiry, String administeredBy, String observedBy,
            @Nullable Instant startedAt, @Nullable Instant endedAt) {

        public boolean started() {
            return startedAt != null;
        }

        public boolean complete() {
            return endedAt != null;
        }
    }

    /** How the session ended. */
    public enum EndKind { DISCHARGED, DISCHARGED_EARLY, LEFT_AMA, NOT_DOSED }

    public record End(EndKind kind, Instant at, String by, @Nullable Instant readyAt, @Nullable String criteria,
            @Nullable String escort, @Nullable String note, @Nullable String earlyApprovedBy) {}

    public boolean esketamine() {
        return modality == Modality.ESKETAMINE;
    }

    public @Nullable Instant doseStartedAt() {
        return dose == null ? null : dose.startedAt();
    }

    /** Minutes observed from the first device or infusion start to {@code at}. */
    public long minutesSinceDose(Instant at) {
        var start = doseStartedAt();
        return start == null ? 0 : Duration.between(start, at).toMinutes();
    }

    /** The minimum observation: 120 minutes for esketamine, never less (label); the protocol's minutes otherwise. */
    public int minimumObservationMinutes() {
        return esketamine() ? Math.max(observationMinutes, DosingSettings.ESKETAMINE_MINIMUM_OBSERVATION_MINUTES)
                : observationMinutes;
    }
}
