// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's rules, pure: what an entry does to the book balance of one lot at one location, and when it is refused.
 * The invariant they keep: a balance never goes below zero; stock that is missing shows up only through a count, which
 * sets the book to what was counted and flags the difference as a discrepancy until someone resolves it.
 * Refusals are {@code IllegalArgumentException("field: message")}, shown next to that form field.
 */
final class LedgerRules {

    /** Two decimal places: a partly used vial is 3.25 mL; stored as NUMERIC(12, 2). */
    static final int SCALE = 2;

    /** Above any stock a clinic keeps; guards the column and typing slips (a lot number typed into quantity). */
    static final BigDecimal MAX_QUANTITY = new BigDecimal("100000");

    private LedgerRules() {}

    /** An accepted entry's effect: the quantity as entered, the signed change, the balance after, any discrepancy. */
    record Effect(BigDecimal quantity, BigDecimal delta, BigDecimal balanceAfter, @Nullable BigDecimal discrepancy) {}

    /**
     * Applies an entry of {@code kind} to {@code balance}. {@code amount} is the quantity moved (positive), for a count
     * the quantity counted (zero or more), for a correction the signed adjustment, and for a resolution zero.
     */
    static Effect apply(EntryKind kind, BigDecimal balance, BigDecimal amount, String unit) {
        var book = balance.setScale(SCALE);
        return switch (kind) {
            case INITIAL_INVENTORY, RECEIPT, TRANSFER_IN -> {
                var q = quantity("quantity", amount, false);
                yield new Effect(q, q, book.add(q), null);
            }
            case DRAW, WASTE, TRANSFER_OUT, LOSS -> {
                var q = quantity("quantity", amount, false);
                if (q.compareTo(book) > 0) {
                    throw new IllegalArgumentException("quantity: only " + book.toPlainString() + " " + unit
                            + " of this lot is on hand here, less than " + q.toPlainString() + ". If the stock differs "
                            + "from the book, record a count first.");
                }
                yield new Effect(q, q.negate(), book.subtract(q), null);
            }
            case COUNT -> {
                var counted = quantity("counted", amount, true);
                var difference = counted.subtract(book);
                yield new Effect(counted, difference, counted, difference);
            }
            case CORRECTION -> {
                var adjustment = scaled("adjustment", amount);
                if (adjustment.abs().compareTo(MAX_QUANTITY) > 0) {
                    throw new IllegalArgumentException("adjustment: at most " + MAX_QUANTITY.toPlainString() + ".");
                }
                var after = book.add(adjustment);
                if (after.signum() < 0) {
                    throw new IllegalArgumentException("adjustment: it would take the balance below zero (" + book
                            .toPlainString() + " " + unit + " on hand). If the stock differs from the book, record a count.");
                }
                yield new Effect(adjustment.abs(), adjustment, after, null);
            }
            case RESOLUTION -> new Effect(BigDecimal.ZERO.setScale(SCALE), BigDecimal.ZERO.setScale(SCALE), book, null);
        };
    }

    /** A quantity typed on a form: at most two decimals, above zero (or zero when {@code zeroAllowed}), within bounds. */
    static BigDecimal quantity(String field, @Nullable BigDecimal value, boolean zeroAllowed) {
        var q = scaled(field, value);
        if (q.signum() < 0 || (!zeroAllowed && q.signum() == 0)) {
            throw new IllegalArgumentException(field + ": give a quantity above zero" + (zeroAllowed ? " (or 0)." : "."));
        }
        if (q.compareTo(MAX_QUANTITY) > 0) {
            throw new IllegalArgumentException(field + ": at most " + MAX_QUANTITY.toPlainString() + ".");
        }
        return q;
    }

    private static BigDecimal scaled(String field, @Nullable BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": give a quantity.");
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException(field + ": use at most two decimals.");
        }
        return value.setScale(SCALE);
    }

    /** A lot may be drawn for a patient up to and including its expiry date, not after. */
    static void usable(LocalDate expiry, LocalDate today, String lotNumber) {
        if (expiry.isBefore(today)) {
            throw new IllegalArgumentException("lot: lot " + lotNumber + " expired on " + expiry
                    + "; it cannot be drawn for a patient.");
        }
    }

    /**
     * The day by whose end the DEA field office must have the written notice of a theft or significant loss: one
     * business day after discovery (REFERENCE.md 3.6, confirmed), counting federal business days (weekdays that are not
     * US federal holidays as observed).
     */
    static LocalDate deaNoticeDue(LocalDate discovered) {
        var day = discovered.plusDays(1);
        while (day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY
                || org.kapclinic.calendar.UsFederalHolidays.isObserved(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The witness to a waste is a second person: never the clinician who records it (compared by account). */
    static void witnessIsSecondPerson(Object administrator, Object witness) {
        if (administrator.equals(witness)) {
            throw new IllegalArgumentException("witnessEmail: a second person must witness the waste; you cannot "
                    + "witness your own.");
        }
    }
}
