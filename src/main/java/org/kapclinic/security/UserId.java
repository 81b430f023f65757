// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user account (staff or patient). */
public record UserId(UUID value) implements java.io.Serializable {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId of(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
