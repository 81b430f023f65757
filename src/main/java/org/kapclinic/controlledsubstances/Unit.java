// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

/**
 * What a product's quantities count: Spravato nasal-spray devices, millilitres of a ketamine HCl vial, troches or
 * tablets. Quantities are decimals with two places (a partly drawn vial leaves 3.25 mL).
 */
public enum Unit {
    DEVICE("device", "devices"),
    ML("mL", "mL"),
    TROCHE("troche", "troches"),
    TABLET("tablet", "tablets");

    private final String label;
    private final String plural;

    Unit(String label, String plural) {
        this.label = label;
        this.plural = plural;
    }

    public String label() {
        return label;
    }

    public String plural() {
        return plural;
    }
}
