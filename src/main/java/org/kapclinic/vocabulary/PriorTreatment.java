// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

/** Treatments for depression a person has already tried, besides antidepressants. */
public enum PriorTreatment implements Coded {
    PSYCHOTHERAPY("Psychotherapy"),
    TMS("TMS (transcranial magnetic stimulation)"),
    ECT("ECT (electroconvulsive therapy)");

    private final String label;

    PriorTreatment(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
