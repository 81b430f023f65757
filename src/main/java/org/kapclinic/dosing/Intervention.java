// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

/** What the team did at a check. */
public enum Intervention {
    ANTIEMETIC("Antiemetic given"),
    INFUSION_PAUSED("Infusion paused"),
    INFUSION_RESUMED("Infusion resumed"),
    INFUSION_STOPPED("Infusion stopped"),
    OXYGEN("Supplemental oxygen"),
    REPOSITIONED("Repositioned / stimulated"),
    PRESCRIBER_CALLED("Prescriber called to chair");

    private final String label;

    Intervention(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
