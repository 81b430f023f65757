// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

/** Sex assigned at birth (USCDI / ONC 170.315(a)(5) value set, simplified). */
public enum SexAssignedAtBirth {
    FEMALE("Female"),
    MALE("Male"),
    INTERSEX("Intersex"),
    UNKNOWN("Unknown"),
    DECLINED("Chose not to answer");

    private final String label;

    SexAssignedAtBirth(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
