// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

/** What the gate records about pregnancy (label: embryo-fetal toxicity, REFERENCE 1.5). */
public enum PregnancyStatus {
    NOT_PREGNANT_REPORTED("Not pregnant (patient report)"),
    NEGATIVE_TEST("Negative pregnancy test today"),
    NOT_APPLICABLE("Not applicable (e.g. post-menopausal, hysterectomy)");

    private final String label;

    PregnancyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static PregnancyStatus parse(String value) {
        for (var p : values()) {
            if (p.name().equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("pregnancy: choose the patient's pregnancy status. A patient who is or may"
                + " be pregnant is not dosed; end the session as not dosed and tell the prescriber.");
    }
}
