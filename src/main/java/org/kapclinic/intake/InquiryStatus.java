// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

/** Where an inquiry stands. OPEN runs the reply clock; the first logged contact makes it CONTACTED. */
public enum InquiryStatus {
    OPEN("Awaiting first contact"),
    CONTACTED("Contacted"),
    CONVERTED("Became a patient"),
    REFERRED_OUT("Referred elsewhere"),
    CLOSED("Closed");

    private final String label;

    InquiryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean active() {
        return this == OPEN || this == CONTACTED;
    }
}
