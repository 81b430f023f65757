// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

/** What came of an antidepressant trial. */
public enum TrialOutcome {
    NO_RESPONSE("No response"),
    PARTIAL("Partial response"),
    RESPONSE("Response"),
    INTOLERANCE("Stopped for intolerance");

    private final String label;

    TrialOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
