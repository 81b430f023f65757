// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One moment of a patient's story. {@code title} is short ("PHQ-9 12, moderate"); {@code detail} is an optional
 * second line (key vitals, an action taken); {@code href} opens the record where it lives, if the reader may open it.
 * {@code attention} marks what needs a clinician's eye (an open alert, an overdue integration, a held gate).
 */
public record TimelineEntry(Instant at, TimelineKind kind, String title, @Nullable String detail,
        @Nullable String href, boolean attention) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
    }
}
