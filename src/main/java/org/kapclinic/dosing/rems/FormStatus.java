// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

/** Where a Patient Monitoring Form stands: being filled, signed (locked), or sent to the REMS. */
public enum FormStatus {
    /** Being filled in; the session record refreshes its automatic values. */
    DRAFT("Draft"),
    /** Signed by a nurse or prescriber and locked; not (yet) sent to the REMS, or amended since it was sent. */
    SIGNED("Signed"),
    /** The latest signed revision was sent to the REMS. */
    SUBMITTED("Submitted");

    private final String label;

    FormStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
