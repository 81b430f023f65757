// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

/** How a form reached the SPRAVATO REMS (REFERENCE.md 2.4: by its portal or by fax; it offers no API). */
public enum SubmissionMethod {
    PORTAL("REMS portal"),
    FAX("Fax");

    private final String label;

    SubmissionMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
