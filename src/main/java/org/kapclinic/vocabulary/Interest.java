// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

import java.util.Optional;

/** The treatment a person is interested in. */
public enum Interest implements Coded {
    KAP("kap", "Ketamine-assisted psychotherapy"),
    ESKETAMINE("esketamine", "Esketamine nasal spray (Spravato)"),
    IV_KETAMINE("iv-ketamine", "IV ketamine infusions"),
    THERAPY_ONLY("therapy-only", "Therapy only"),
    NOT_SURE("not-sure", "Not sure yet");

    private final String code;
    private final String label;

    Interest(String code, String label) {
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
    public static Optional<Interest> fromCode(String code) {
        return Coded.find(Interest.class, code);
    }

    /** Ketamine or esketamine treatment: the therapist must be trained in ketamine-assisted psychotherapy. */
    public boolean ketamine() {
        return this == KAP || this == ESKETAMINE || this == IV_KETAMINE;
    }
}
