// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes.report;

/** Who a progress report is written for: the patient in plain language, or the referring clinician. */
public enum Audience {
    PATIENT, CLINICIAN;

    static Audience parse(String text) {
        return "patient".equalsIgnoreCase(text) ? PATIENT : CLINICIAN;
    }
}
