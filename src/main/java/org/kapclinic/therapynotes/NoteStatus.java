// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

/** A note is a draft until it is signed; a signed note is locked. */
public enum NoteStatus {
    DRAFT("Draft"), SIGNED("Signed");

    private final String label;

    NoteStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
