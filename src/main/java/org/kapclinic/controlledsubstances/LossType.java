// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

/** The type of theft or loss, as DEA Form 106 asks it. */
public enum LossType {
    THEFT("Theft (burglary or employee pilferage)"),
    ROBBERY("Armed robbery"),
    LOST_IN_TRANSIT("Lost in transit"),
    OTHER("Other loss");

    private final String label;

    LossType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
