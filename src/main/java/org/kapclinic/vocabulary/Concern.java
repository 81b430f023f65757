// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

/** What brings a person to the clinic, as the inquiry checklist asks it and therapists list their focus. */
public enum Concern implements Coded {
    DEPRESSION("Depression"),
    TREATMENT_RESISTANT_DEPRESSION("Treatment-resistant depression"),
    SUICIDAL_THOUGHTS("Suicidal thoughts"),
    ANXIETY("Anxiety"),
    OCD("OCD"),
    PTSD_TRAUMA("PTSD / trauma"),
    IDENTITY("Identity"),
    RELATIONSHIPS("Relationships"),
    OTHER("Something else");

    private final String label;

    Concern(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
