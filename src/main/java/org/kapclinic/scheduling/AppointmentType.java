// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

/** What an appointment is for. Dosing holds a treatment chair; the others are one-to-one time in a room. */
public enum AppointmentType {
    EVALUATION("Evaluation"),
    PREPARATION("Preparation session"),
    DOSING("Dosing session"),
    INTEGRATION("Integration session"),
    THERAPY("Therapy session"),
    FOLLOW_UP("Follow-up");

    private final String label;

    AppointmentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
