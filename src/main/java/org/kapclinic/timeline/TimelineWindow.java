// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import java.time.Instant;
import java.util.Set;

/**
 * What the reader asked for: entries at or after {@code from} and before {@code to}, of these kinds. {@code limit}
 * bounds one page: a source returns at most that many entries, its newest ones inside the window (the timeline asks
 * for one more than it shows, to know whether older entries exist). The three-argument form asks for no bound.
 */
public record TimelineWindow(Instant from, Instant to, Set<TimelineKind> kinds, int limit) {

    public TimelineWindow {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        kinds = Set.copyOf(kinds);
    }

    public TimelineWindow(Instant from, Instant to, Set<TimelineKind> kinds) {
        this(from, to, kinds, Integer.MAX_VALUE);
    }

    public boolean wants(TimelineKind kind) {
        return kinds.contains(kind);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
