// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How many integrations happened on time. An item counts when its due time falls in the range and it is done, or
 * its due time has passed ({@code now} after due) while still open; it is on time when done by its due time. Items
 * closed as not needed are counted apart and never in the rate. Pure arithmetic: no clock, no database.
 */
public record OnTimeRate(long onTime, long counted, long notNeeded) {

    /** The rate as a whole percentage, half up; null when nothing counted (no 0 % for an empty range). */
    public @Nullable Integer percent() {
        if (counted == 0) {
            return null;
        }
        return (int) ((onTime * 200 + counted) / (counted * 2));
    }

    /** One therapist's figures; {@code therapistId} is null for items whose patient had no therapist. */
    public record ForTherapist(@Nullable UUID therapistId, OnTimeRate rate) {}

    public record Report(OnTimeRate clinic, List<ForTherapist> byTherapist) {}

    /** The clinic's rate and each therapist's, for items due at or after {@code from} and before {@code to}. */
    public static Report of(Collection<IntegrationItem> items, Instant now, Instant from, Instant to) {
        var clinic = new long[3];
        var per = new LinkedHashMap<@Nullable UUID, long[]>();
        for (var item : items) {
            if (item.dueAt().isBefore(from) || !item.dueAt().isBefore(to)) {
                continue;
            }
            var status = item.statusAt(now);
            int slot;
            if (status == IntegrationStatus.NOT_NEEDED) {
                slot = 2;
            } else if (status == IntegrationStatus.DUE) {
                continue; // not yet due and not done: too early to say
            } else {
                slot = status == IntegrationStatus.DONE_ON_TIME ? 0 : 1;
            }
            for (var counts : List.of(clinic, per.computeIfAbsent(item.therapistId(), k -> new long[3]))) {
                counts[slot]++;
            }
        }
        var byTherapist = new ArrayList<ForTherapist>();
        per.forEach((therapist, counts) -> byTherapist.add(new ForTherapist(therapist, rate(counts))));
        byTherapist.sort(java.util.Comparator.comparing((ForTherapist t) -> Objects.toString(t.therapistId(), "~")));
        return new Report(rate(clinic), List.copyOf(byTherapist));
    }

    private static OnTimeRate rate(long[] counts) {
        return new OnTimeRate(counts[0], counts[0] + counts[1], counts[2]);
    }
}
