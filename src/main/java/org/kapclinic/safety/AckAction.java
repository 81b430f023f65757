// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

/** What the clinician did when acknowledging an alert (issue #4). OTHER needs a note. */
public enum AckAction {
    CALLED_PATIENT("Called the patient"),
    REVIEWED_SAFETY_PLAN("Reviewed the safety plan"),
    DID_CSSRS("Did a C-SSRS"),
    REFERRED_EMERGENCY("Referred to emergency services"),
    TRIAGED_INQUIRY("Triaged the inquiry"),
    OTHER("Other (see note)");

    private final String label;

    AckAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
