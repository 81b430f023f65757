// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

/** How fast an alert must be acted on (issue #4's level table). Higher rank is more severe. */
public enum AlertLevel {
    IMMEDIATE(3, "Immediate", "Pages at once and blocks dosing until a prescriber clears it."),
    SAME_DAY(2, "Same business day", "A clinician reviews it the same business day."),
    ROUTINE(1, "Routine review", "Reviewed at the next routine opportunity.");

    private final int rank;
    private final String label;
    private final String meaning;

    AlertLevel(int rank, String label, String meaning) {
        this.rank = rank;
        this.label = label;
        this.meaning = meaning;
    }

    public int rank() {
        return rank;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    public boolean atLeast(AlertLevel other) {
        return rank >= other.rank;
    }
}
