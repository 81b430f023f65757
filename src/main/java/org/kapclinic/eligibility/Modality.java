// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

/** The treatment an evaluation considers. Esketamine is FDA-approved for TRD; racemic ketamine routes are off-label. */
public enum Modality {
    ESKETAMINE("Esketamine nasal spray (Spravato)", false),
    IV_KETAMINE("IV ketamine", true),
    IM_KETAMINE("IM ketamine (ketamine-assisted psychotherapy)", true),
    SUBLINGUAL_KETAMINE("Sublingual ketamine (ketamine-assisted psychotherapy)", true);

    private final String label;
    private final boolean offLabel;

    Modality(String label, boolean offLabel) {
        this.label = label;
        this.offLabel = offLabel;
    }

    public String label() {
        return label;
    }

    /** Racemic ketamine for depression is off-label: it needs the off-label consent. */
    public boolean offLabel() {
        return offLabel;
    }

    /** KAP routes need the ketamine-assisted psychotherapy consent. */
    public boolean psychotherapy() {
        return this == IM_KETAMINE || this == SUBLINGUAL_KETAMINE;
    }

    public static Modality parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("modality: choose a treatment from the list.");
        }
    }
}
