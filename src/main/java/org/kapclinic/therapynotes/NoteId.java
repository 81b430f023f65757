// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.Objects;
import java.util.UUID;

/** A therapy note's identity. */
public record NoteId(UUID value) {

    public NoteId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
