// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

/**
 * Clinician-rated dissociation severity at a check. The CADSS is not licensed for free electronic use, so the
 * measures module's clinician rating (ADR 011) is used here too.
 */
public enum Dissociation {
    NONE("None"), MILD("Mild"), MODERATE("Moderate"), SEVERE("Severe");

    private final String label;

    Dissociation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
