// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

/** Why stock was counted: the clinic's routine count, or the biennial inventory (21 CFR 1304.11(c)). */
public enum CountKind {
    PERIODIC("Periodic count"),
    BIENNIAL("Biennial inventory");

    private final String label;

    CountKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
