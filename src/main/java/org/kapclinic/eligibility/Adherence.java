// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

/** How regularly the patient took a trial's medication, in the order of the form. */
public enum Adherence {
    ALL_DAYS("Every day or nearly"),
    MOST_DAYS("Most days"),
    SOME_DAYS("Some days"),
    RARELY("Rarely");

    private final String label;

    Adherence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when this is at least as regular as {@code floor}. */
    public boolean atLeast(Adherence floor) {
        return ordinal() <= floor.ordinal();
    }
}
