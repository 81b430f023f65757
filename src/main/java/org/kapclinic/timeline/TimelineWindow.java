// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import java.time.Instant;
import java.util.Set;

/** What the reader asked for: entries at or after {@code from} and before {@code to}, of these kinds. */
public record TimelineWindow(Instant from, Instant to, Set<TimelineKind> kinds) {

    public boolean wants(TimelineKind kind) {
        return kinds.contains(kind);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
