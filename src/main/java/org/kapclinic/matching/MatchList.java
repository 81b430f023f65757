// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Ranked matches and the excluded, for one request. */
public record MatchList(MatchRequest request, List<Match> matches, List<Exclusion> excluded) {

    /** How many therapists each filter kept out. */
    public Map<HardFilter, Long> exclusionCounts() {
        var counts = new EnumMap<HardFilter, Long>(HardFilter.class);
        excluded.forEach(e -> e.filters().forEach(f -> counts.merge(f, 1L, Long::sum)));
        return counts;
    }

    /** When nobody passed: the filter that excluded the most therapists (ties in declaration order), else null. */
    public @Nullable HardFilter excludedEveryoneBy() {
        if (!matches.isEmpty() || excluded.isEmpty()) {
            return null;
        }
        return exclusionCounts().entrySet().stream()
                .max(Comparator.<Map.Entry<HardFilter, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** The sentence for the "no match" screen: "licensed in WY". */
    public @Nullable String excludedEveryoneSummary() {
        var filter = excludedEveryoneBy();
        return filter == null ? null : filter.summary(request);
    }
}
