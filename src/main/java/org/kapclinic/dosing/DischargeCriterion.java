// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

/** The discharge checklist (issue 6; label: clinically stable and ready to leave, REFERENCE 1.3). */
public enum DischargeCriterion {
    VITALS_IN_RANGE("Vital signs back in range"),
    MOAAS_5("MOAA/S 5: responds readily to name in a normal tone"),
    ORIENTED("Oriented to person, place and time"),
    WALKING_STEADILY("Walking steadily without help"),
    DISSOCIATION_RESOLVED("Dissociation and perceptual changes resolved"),
    ESCORT_PRESENT("A responsible adult or arranged transport is present");

    private final String label;

    DischargeCriterion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
