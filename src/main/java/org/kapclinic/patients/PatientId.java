// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.util.Objects;
import java.util.UUID;

/** Identifies a patient record. Other modules keep this, never the record itself. */
public record PatientId(UUID value) {
    public PatientId {
        Objects.requireNonNull(value, "value");
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
