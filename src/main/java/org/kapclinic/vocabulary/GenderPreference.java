// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

/** The therapist gender a person prefers, if any. */
public enum GenderPreference implements Coded {
    WOMAN("Woman"),
    MAN("Man"),
    NONBINARY("Nonbinary"),
    NO_PREFERENCE("No preference");

    private final String label;

    GenderPreference(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
