// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Instant;
import java.util.UUID;

/** A reconciliation of the medication and allergy lists: who, when, where, and what the lists held then. */
public record Reconciliation(UUID id, Context context, String medications, String allergies, String note,
        Instant reconciledAt, String reconciledBy) {

    /** Where the lists were reconciled: at evaluation, or at a dosing-day gate (the dosing module asks). */
    public enum Context { EVALUATION, DOSING_GATE }
}
