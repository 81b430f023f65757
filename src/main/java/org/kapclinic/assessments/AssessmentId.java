// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one scored administration of an instrument. */
public record AssessmentId(@JsonValue UUID value) {
    public AssessmentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
