// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.OutcomeDefinitions;
import org.kapclinic.assessments.ScoreSeries.Score;

/**
 * Builds a {@link CourseOutcome} from a course's dose times and its patient's scores (ADR 022). Pure: the definitions
 * and settings come in; nothing reads the clock or the database.
 */
final class CourseRules {

    private final OutcomeDefinitions definitions;
    private final DashboardSettings settings;
    private final ZoneId zone;

    CourseRules(OutcomeDefinitions definitions, DashboardSettings settings, ZoneId zone) {
        this.definitions = definitions;
        this.settings = settings;
        this.zone = zone;
    }

    /**
     * @param planEnd when the plan ended into maintenance (null otherwise): relapse is looked for after it
     * @param scores the patient's series per instrument, oldest first
     */
    CourseOutcome outcome(UUID plan, UUID patient, List<Instant> sessions, @Nullable Instant maintenanceFrom,
            java.util.function.Function<String, List<Score>> scores) {
        var first = sessions.get(0);
        var instruments = new ArrayList<CourseOutcome.InstrumentOutcome>();
        for (var code : OutcomeDefinitions.INSTRUMENTS) {
            var series = scores.apply(code);
            if (!series.isEmpty()) {
                instruments.add(instrument(code, first, sessions, series));
            }
        }
        var madrs = scores.apply("madrs");
        var madrsOutcome = instruments.stream().filter(i -> i.instrument().equals("madrs")).findFirst().orElse(null);
        Boolean early = early(first, madrs);
        Boolean later = madrsOutcome == null || madrsOutcome.baseline() == null || madrsOutcome.baselineInRemission()
                || madrsOutcome.followUpDays() == null ? null : madrsOutcome.daysToRemission() != null;
        Boolean relapse = maintenanceFrom == null || madrsOutcome == null || madrsOutcome.baseline() == null ? null
                : relapse(madrsOutcome.baseline(), first, maintenanceFrom, madrs);
        return new CourseOutcome(plan, patient, first, List.copyOf(sessions), List.copyOf(instruments), early, later,
                relapse);
    }

    /**
     * One pass over the series (oldest first), in plain loops: the dashboard runs this for every course and
     * instrument, about 25,000 times a view.
     */
    private CourseOutcome.InstrumentOutcome instrument(String code, Instant first, List<Instant> sessions,
            List<Score> series) {
        var remission = definitions.remission(code);
        var lookback = first.minus(settings.baselineLookback());
        var windowEnd = first.plus(settings.outcomeWindow());
        var followEnd = first.plus(settings.followUp());
        Score latestBefore = null; // the baseline: the latest score in the lookback up to the first dose
        for (var s : series) {
            if (!s.at().isAfter(first) && !s.at().isBefore(lookback)
                    && (latestBefore == null || s.at().isAfter(latestBefore.at()))) {
                latestBefore = s;
            }
        }
        Integer baseline = latestBefore == null ? null : latestBefore.total();
        boolean baselineInRemission = baseline != null && remission != null && remission.reached(baseline);
        if (baseline == null || baseline == 0) {
            return new CourseOutcome.InstrumentOutcome(code, baseline, null, null, null, null, null, null, null,
                    baselineInRemission);
        }
        Score endpoint = null;
        Score lastAfter = null;
        Score firstResponse = null;
        Score firstRemission = null;
        boolean remissionCounts = remission != null && !baselineInRemission;
        for (var s : series) {
            if (!s.at().isAfter(first) || s.at().isAfter(followEnd)) {
                continue;
            }
            lastAfter = s;
            if (!s.at().isAfter(windowEnd)) {
                endpoint = s;
            }
            if (firstResponse == null && definitions.response(baseline, s.total())) {
                firstResponse = s;
            }
            if (firstRemission == null && remissionCounts && remission.reached(s.total())) {
                firstRemission = s;
            }
        }
        Boolean response = endpoint == null ? null : definitions.response(baseline, endpoint.total());
        Boolean remitted = endpoint == null || remission == null || baselineInRemission ? null
                : remission.reached(endpoint.total());
        Integer followUp = lastAfter == null ? null : day(first, lastAfter.at());
        Integer sessionsToRemission = null;
        if (firstRemission != null) {
            int doses = 0;
            for (var d : sessions) {
                if (!d.isAfter(firstRemission.at())) {
                    doses++;
                }
            }
            sessionsToRemission = doses;
        }
        return new CourseOutcome.InstrumentOutcome(code, baseline, endpoint == null ? null : endpoint.total(),
                response, remitted, followUp, firstResponse == null ? null : day(first, firstResponse.at()),
                firstRemission == null ? null : day(first, firstRemission.at()), sessionsToRemission,
                baselineInRemission);
    }

    /** {@link org.kapclinic.assessments.EarlyResponse}'s rule: the MADRS nearest 24 h within its window. */
    private @Nullable Boolean early(Instant first, List<Score> madrs) {
        var lookback = first.minus(settings.baselineLookback());
        var baseline = madrs.stream().filter(s -> !s.at().isAfter(first) && !s.at().isBefore(lookback))
                .max(Comparator.comparing(Score::at)).orElse(null);
        var from = first.plus(definitions.earlyResponseFrom());
        var to = first.plus(definitions.earlyResponseTo());
        var target = first.plus(Duration.ofHours(24));
        var at24 = madrs.stream().filter(s -> !s.at().isBefore(from) && !s.at().isAfter(to))
                .min(Comparator.comparing(s -> Duration.between(target, s.at()).abs())).orElse(null);
        if (baseline == null || at24 == null || baseline.total() == 0) {
            return null;
        }
        return definitions.response(baseline.total(), at24.total());
    }

    /**
     * SUSTAIN-1 (REFERENCE.md 4.9, kap.outcomes.relapse-*): entering maintenance in response or remission (the last
     * MADRS at or before the plan's end), then MADRS at or above the relapse line at two consecutive visits a set gap
     * apart. Null when the course did not enter maintenance improved, or has fewer than two MADRS after.
     */
    private @Nullable Boolean relapse(int baseline, Instant first, Instant maintenanceFrom, List<Score> madrs) {
        var remission = definitions.remission("madrs");
        var atEntry = madrs.stream().filter(s -> s.at().isAfter(first) && !s.at().isAfter(maintenanceFrom))
                .reduce((a, b) -> b).orElse(null);
        if (atEntry == null || !(definitions.response(baseline, atEntry.total())
                || (remission != null && remission.reached(atEntry.total())))) {
            return null;
        }
        var afterwards = madrs.stream().filter(s -> s.at().isAfter(maintenanceFrom)).toList();
        if (afterwards.size() < 2) {
            return null;
        }
        for (int i = 1; i < afterwards.size(); i++) {
            var previous = afterwards.get(i - 1);
            var current = afterwards.get(i);
            var gap = Duration.between(previous.at(), current.at());
            if (previous.total() >= definitions.relapseMadrsAt() && current.total() >= definitions.relapseMadrsAt()
                    && gap.compareTo(definitions.relapseMinGap()) >= 0
                    && gap.compareTo(definitions.relapseMaxGap()) <= 0) {
                return true;
            }
        }
        return false;
    }

    private int day(Instant first, Instant at) {
        return (int) ChronoUnit.DAYS.between(first.atZone(zone).toLocalDate(), at.atZone(zone).toLocalDate());
    }
}
