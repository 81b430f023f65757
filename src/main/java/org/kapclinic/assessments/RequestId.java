// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a questionnaire sent to a patient (secure link, kiosk or portal). */
public record RequestId(@JsonValue UUID value) {
    public RequestId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
