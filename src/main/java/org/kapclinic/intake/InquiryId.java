// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.util.Objects;
import java.util.UUID;

/** An inquiry's identity. People see its {@code reference} instead. */
public record InquiryId(UUID value) {
    public InquiryId {
        Objects.requireNonNull(value, "value");
    }

    public static InquiryId of(String text) {
        return new InquiryId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
