// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

import java.util.Optional;

/** Treatments for depression a person has already tried, besides antidepressants. */
public enum PriorTreatment implements Coded {
    PSYCHOTHERAPY("psychotherapy", "Psychotherapy"),
    TMS("tms", "TMS (transcranial magnetic stimulation)"),
    ECT("ect", "ECT (electroconvulsive therapy)");

    private final String code;
    private final String label;

    PriorTreatment(String code, String label) {
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
    public static Optional<PriorTreatment> fromCode(String code) {
        return Coded.find(PriorTreatment.class, code);
    }
}
