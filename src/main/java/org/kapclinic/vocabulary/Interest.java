// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

/** The treatment a person is interested in. */
public enum Interest implements Coded {
    KAP("Ketamine-assisted psychotherapy"),
    ESKETAMINE("Esketamine nasal spray (Spravato)"),
    IV_KETAMINE("IV ketamine infusions"),
    THERAPY_ONLY("Therapy only"),
    NOT_SURE("Not sure yet");

    private final String label;

    Interest(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Ketamine or esketamine treatment: the therapist must be trained in ketamine-assisted psychotherapy. */
    public boolean ketamine() {
        return this == KAP || this == ESKETAMINE || this == IV_KETAMINE;
    }
}
