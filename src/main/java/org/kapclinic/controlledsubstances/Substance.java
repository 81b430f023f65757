// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

/** The Schedule III substances the clinic keeps (REFERENCE.md 3.6: ketamine CIII since 1999; esketamine CIII). */
public enum Substance {
    ESKETAMINE("Esketamine"),
    KETAMINE("Ketamine");

    private final String label;

    Substance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
