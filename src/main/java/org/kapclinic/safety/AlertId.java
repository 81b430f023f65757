// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a safety alert. */
public record AlertId(@JsonValue UUID value) {
    public AlertId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
