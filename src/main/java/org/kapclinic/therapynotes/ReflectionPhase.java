// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

/** When a reflection was written, relative to its dosing session. */
public enum ReflectionPhase {
    BEFORE("Before the session"),
    AFTER("After the session");

    private final String label;

    ReflectionPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
