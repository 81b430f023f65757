// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

/**
 * The drug classes the ketamine clinic cares about (REFERENCE.md 1.5: CNS depressants raise sedation;
 * psychostimulants and MAOIs raise blood pressure).
 */
public enum DrugClass {
    BENZODIAZEPINE("Benzodiazepine"),
    NON_BENZODIAZEPINE_HYPNOTIC("Non-benzodiazepine hypnotic"),
    PSYCHOSTIMULANT("Psychostimulant"),
    MAOI("MAOI"),
    OPIOID("Opioid"),
    ANTIHYPERTENSIVE("Antihypertensive"),
    OTHER("Other");

    private final String label;

    DrugClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
