// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A medication on the patient's list, tagged with its drug classes; stopped rather than deleted. */
public record Medication(UUID id, String name, String dose, Set<DrugClass> classes, Instant addedAt, String addedBy,
        @Nullable Instant stoppedAt, @Nullable String stoppedBy, @Nullable String stopReason) {

    public boolean active() {
        return stoppedAt == null;
    }

    public String classLabels() {
        return String.join(", ", classes.stream().map(DrugClass::label).toList());
    }
}
