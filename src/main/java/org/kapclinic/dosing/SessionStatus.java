// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

/** Where a dosing session stands. Sessions only move forward. */
public enum SessionStatus {
    /** Opened: the pre-dose gate is being worked through. */
    GATE("Pre-dose checks"),
    /** The gate passed: the dose may be given. */
    CLEARED("Cleared to dose"),
    /** Administration under way (devices being given, or an infusion running). */
    DOSING("Dosing"),
    /** The dose is complete; the patient is observed. */
    OBSERVING("Observing"),
    DISCHARGED("Discharged"),
    /** Left before the minimum observation time or against advice; the actual minutes are kept. */
    LEFT_AMA("Left against medical advice"),
    /** Not dosed (held at the gate, patient declined...), with a reason. */
    NOT_DOSED("Not dosed");

    private final String label;

    SessionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean active() {
        return this == GATE || this == CLEARED || this == DOSING || this == OBSERVING;
    }

    public boolean dosed() {
        return this == DOSING || this == OBSERVING || this == DISCHARGED || this == LEFT_AMA;
    }
}
