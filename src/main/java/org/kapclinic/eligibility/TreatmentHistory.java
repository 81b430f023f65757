// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

/** ECT or TMS history: never, in an earlier episode, or in the current episode. */
public enum TreatmentHistory {
    NONE("Never"),
    PREVIOUS_EPISODE("In an earlier episode"),
    CURRENT_EPISODE("In the current episode");

    private final String label;

    TreatmentHistory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
