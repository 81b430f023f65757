// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One ledger entry, never changed once written. {@code quantity} is what was entered (for a count: what was counted;
 * for a correction: the size of the adjustment); {@code delta} is its signed effect on the balance of its lot at its
 * location, and {@code balanceAfter} the running balance after it. {@code number} is the clinic-wide entry number;
 * {@code line} numbers the entries of one lot at one location without gaps.
 */
public record Entry(UUID id, long number, EntryKind kind, UUID lotId, UUID locationId, int line, BigDecimal quantity,
        BigDecimal delta, BigDecimal balanceAfter, @Nullable BigDecimal discrepancy, LocalDate occurredOn,
        Instant recordedAt, String recordedBy, String recordedByName, @Nullable String witnessBy,
        @Nullable String witnessName, @Nullable UUID sessionId, @Nullable UUID patientId, @Nullable UUID otherLocationId,
        @Nullable UUID groupId, @Nullable UUID correctsId, @Nullable UUID resolvesId, Details details) {

    /** What only some kinds carry: a receipt's supplier and invoice, a count's kind, a loss's Form 106 fields. */
    public record Details(@Nullable String supplier, @Nullable String invoiceNumber, @Nullable String storage,
            @Nullable String countKind, boolean estimated, @Nullable String lossType, @Nullable String policeReport,
            @Nullable String note) {

        public static Details none() {
            return new Details(null, null, null, null, false, null, null, null);
        }

        public static Details note(@Nullable String note) {
            return new Details(null, null, null, null, false, null, null, note);
        }
    }

    /** A count that found a different quantity from the book. */
    public boolean flagged() {
        return discrepancy != null && discrepancy.signum() != 0;
    }
}
