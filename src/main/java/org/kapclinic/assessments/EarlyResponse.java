// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The early response after the first dose (issue 4): MADRS at least 50 % below its pre-dose baseline about 24 hours
 * after the first dose (ketamine can work within hours; the response definition of REFERENCE.md 4.9), and the mood
 * ratings of the first day. Pure: built from the scores and the first dose's time.
 */
public record EarlyResponse(Instant firstDose, @Nullable AssessmentView baseline, @Nullable AssessmentView at24h,
        @Nullable Boolean responded, List<AssessmentView> moodFirstDay) {

    /** A MADRS counts as "+24 h" from 18 to 36 hours after the first dose; the one nearest 24 h is taken. */
    static final Duration FROM = Duration.ofHours(18);
    static final Duration TO = Duration.ofHours(36);

    static EarlyResponse of(Instant firstDose, List<AssessmentView> madrs, List<AssessmentView> mood) {
        var baseline = madrs.stream().filter(a -> a.total() != null && !a.administeredAt().isAfter(firstDose))
                .max(Comparator.comparing(AssessmentView::administeredAt)).orElse(null);
        var target = firstDose.plus(Duration.ofHours(24));
        var at24 = madrs.stream().filter(a -> a.total() != null && !a.administeredAt().isBefore(firstDose.plus(FROM))
                        && !a.administeredAt().isAfter(firstDose.plus(TO)))
                .min(Comparator.comparing(a -> Duration.between(target, a.administeredAt()).abs())).orElse(null);
        Boolean responded = baseline == null || at24 == null || baseline.total() == 0 ? null
                : at24.total() * 2 <= baseline.total();
        var firstDay = mood.stream().filter(a -> a.total() != null
                        && !a.administeredAt().isBefore(firstDose.minus(Duration.ofHours(6)))
                        && !a.administeredAt().isAfter(firstDose.plus(Duration.ofHours(30))))
                .sorted(Comparator.comparing(AssessmentView::administeredAt)).toList();
        return new EarlyResponse(firstDose, baseline, at24, responded, firstDay);
    }

    public @Nullable Integer changePercent() {
        if (baseline == null || at24h == null || baseline.total() == null || at24h.total() == null
                || baseline.total() == 0) {
            return null;
        }
        return Math.round((at24h.total() - baseline.total()) * 100f / baseline.total());
    }
}
