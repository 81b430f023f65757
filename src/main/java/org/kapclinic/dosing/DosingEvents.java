// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What the dosing day tells the rest of the clinic, in the past tense. IDs only; listeners read what they need. */
public final class DosingEvents {

    private DosingEvents() {}

    /** The dose started (first esketamine device, infusion start, or the dose given): measures count from here. */
    public record DoseAdministered(UUID sessionId, UUID patientId, String modality, BigDecimal mg, Instant at,
            int doseNumberOfPatient) {}

    public record GateOverridden(UUID sessionId, UUID patientId, String kind, String by) {}

    /** Possible respiratory depression at a check: urgent. */
    public record RespiratoryDepressionSuspected(UUID sessionId, UUID patientId, UUID locationId, String detail,
            Instant at) {}

    /** The session ended: discharged, left against advice, or not dosed. */
    public record SessionEnded(UUID sessionId, UUID patientId, String kind, Instant at) {}
}
