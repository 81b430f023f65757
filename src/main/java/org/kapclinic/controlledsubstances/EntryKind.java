// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

/** What a ledger entry records. Each kind's effect on the balance is in {@code LedgerRules}. */
public enum EntryKind {
    /** Stock on hand when the ledger starts at a location (21 CFR 1304.11(b)). Adds. */
    INITIAL_INVENTORY("Initial inventory"),
    /** Received from a supplier, with invoice and receipt date. Adds. */
    RECEIPT("Receipt"),
    /** Drawn for a dosing session and patient by the administering clinician (21 CFR 1304.22(c)). Takes. */
    DRAW("Draw"),
    /** Wasted remainder or breakage, witnessed by a second signed-in clinician. Takes. */
    WASTE("Waste"),
    /** Sent to another location of the clinic. Takes; its TRANSFER_IN twin adds there. */
    TRANSFER_OUT("Transfer out"),
    /** Received from another location of the clinic. Adds. */
    TRANSFER_IN("Transfer in"),
    /** Theft or significant loss (DEA Form 106). Takes. */
    LOSS("Theft or loss"),
    /** A physical count; sets the balance to what was counted and records any difference as a discrepancy. */
    COUNT("Count"),
    /** Corrects an earlier entry by a signed quantity (possibly zero) with a reason. */
    CORRECTION("Correction"),
    /** Resolves a count's discrepancy with a reason (prescriber or admin). Changes nothing. */
    RESOLUTION("Resolution");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
