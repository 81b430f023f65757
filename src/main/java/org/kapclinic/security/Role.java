// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

/** The clinic's roles (DESIGN.md section 1). A user may hold several staff roles; PATIENT is never combined. */
public enum Role {
    ADMIN("Admin"),
    INTAKE_COORDINATOR("Intake coordinator"),
    THERAPIST("Therapist"),
    NURSE("Nurse"),
    PRESCRIBER("Prescriber"),
    PATIENT("Patient");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isStaff() {
        return this != PATIENT;
    }
}
