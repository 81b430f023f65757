// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

/** Side effects recorded at a check, each with a severity (label adverse reactions, REFERENCE 1.6). */
public enum SideEffect {
    NAUSEA("Nausea"),
    VOMITING("Vomiting"),
    DIZZINESS("Dizziness"),
    BLURRED_VISION("Blurred vision"),
    VERTIGO("Vertigo"),
    NUMBNESS("Numbness/tingling"),
    DISSOCIATION("Dissociation"),
    ANXIETY("Anxiety"),
    HEADACHE("Headache"),
    ELEVATED_BP("Elevated BP"),
    OTHER("Other");

    public enum Severity { MILD, MODERATE, SEVERE }

    private final String label;

    SideEffect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
