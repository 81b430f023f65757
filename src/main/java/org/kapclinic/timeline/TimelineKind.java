// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

/** The filters of the care timeline: each entry belongs to exactly one kind. */
public enum TimelineKind {
    INQUIRY("Inquiry"),
    EVALUATION("Evaluation and decisions"),
    PLAN("Plan and changes"),
    APPOINTMENT("Appointments"),
    DOSING("Dosing sessions"),
    NOTE("Notes"),
    INTEGRATION("Integration due"),
    REFLECTION("Reflections"),
    MEASURE("Measures"),
    ALERT("Alerts"),
    MESSAGE("Messages sent");

    private final String label;

    TimelineKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
