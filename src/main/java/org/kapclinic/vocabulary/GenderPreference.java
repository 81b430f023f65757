// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

import java.util.Optional;

/** The therapist gender a person prefers, if any. */
public enum GenderPreference implements Coded {
    WOMAN("woman", "Woman"),
    MAN("man", "Man"),
    NONBINARY("nonbinary", "Nonbinary"),
    NO_PREFERENCE("no-preference", "No preference");

    private final String code;
    private final String label;

    GenderPreference(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The value with this code (any case), if there is one. */
    public static Optional<GenderPreference> fromCode(String code) {
        return Coded.find(GenderPreference.class, code);
    }
}
