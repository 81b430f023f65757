// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

import java.util.Optional;

/** What brings a person to the clinic, as the inquiry checklist asks it and therapists list their focus. */
public enum Concern implements Coded {
    DEPRESSION("depression", "Depression"),
    TREATMENT_RESISTANT_DEPRESSION("treatment-resistant-depression", "Treatment-resistant depression"),
    SUICIDAL_THOUGHTS("suicidal-thoughts", "Suicidal thoughts"),
    ANXIETY("anxiety", "Anxiety"),
    OCD("ocd", "OCD"),
    PTSD_TRAUMA("ptsd-trauma", "PTSD / trauma"),
    IDENTITY("identity", "Identity"),
    RELATIONSHIPS("relationships", "Relationships"),
    OTHER("other", "Something else");

    private final String code;
    private final String label;

    Concern(String code, String label) {
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
    public static Optional<Concern> fromCode(String code) {
        return Coded.find(Concern.class, code);
    }
}
