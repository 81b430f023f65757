// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

/** How an administration reached the record. */
public enum Channel {
    /** Entered by a clinician in the chart (clinician-rated instruments, or a patient's paper form). */
    CLINICIAN("Clinician entry"),
    /** Completed by the patient through a single-use emailed link. */
    LINK("Secure link"),
    /** Completed by the patient on a clinic tablet in kiosk mode. */
    KIOSK("Clinic tablet"),
    /** Completed by the signed-in patient in the portal. */
    PORTAL("Patient portal"),
    /** Posted by another system with an API token. */
    API("API");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
