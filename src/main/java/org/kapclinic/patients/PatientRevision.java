// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One entry of a record's history: what changed, from what to what, who did it, when, and why (for voids). */
public record PatientRevision(int revision, String kind, Instant changedAt, String changedBy, @Nullable String reason,
        List<Change> changes) {

    public record Change(String field, @Nullable String from, @Nullable String to) {}
}
