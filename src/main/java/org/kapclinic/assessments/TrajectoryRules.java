// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Response, remission and relapse from a series of totals (REFERENCE.md 4.1, 4.3, 4.4, 4.9). The baseline is the
 * first score. Pure: the settings come in, nothing is read from the clock or the database.
 */
final class TrajectoryRules {

    private final OutcomeSettings settings;

    TrajectoryRules(OutcomeSettings settings) {
        this.settings = settings;
    }

    Trajectory build(Instrument instrument, List<AssessmentView> administrations) {
        var points = administrations.stream()
                .map(a -> new Trajectory.Point(a.administeredAt(), a.total(), a.severity(), a.flags(), a.channel()))
                .toList();
        var scored = points.stream().filter(p -> p.total() != null).toList();
        var remission = remissionLine(instrument.code());
        boolean inclusive = !"phq9".equals(instrument.code());
        Integer maximum = maximum(instrument);
        if (scored.isEmpty() || !hasBands(instrument)) {
            return new Trajectory(instrument.code(), Instruments.shortName(instrument), maximum, points, null, null,
                    remission, inclusive, statusWithoutBaseline(scored));
        }
        int baseline = scored.get(0).total();
        int latest = scored.get(scored.size() - 1).total();
        Double change = scored.size() < 2 || baseline == 0 ? null : 100.0 * (latest - baseline) / baseline;
        boolean response = scored.size() >= 2 && baseline > 0 && latest <= baseline / 2.0;
        boolean remitted = scored.size() >= 2 && remission != null && (inclusive ? latest <= remission : latest < remission);
        var relapse = "madrs".equals(instrument.code()) ? relapse(scored, baseline) : null;
        var status = new Trajectory.Status(latest, change, response, remitted && relapse == null, relapse != null, relapse);
        return new Trajectory(instrument.code(), Instruments.shortName(instrument), maximum, points, baseline,
                baseline / 2.0, remission, inclusive, status);
    }

    /**
     * SUSTAIN-1: after response or remission, MADRS at or above {@code relapseMadrsAt} at two consecutive visits
     * {@code relapseMinGap} to {@code relapseMaxGap} apart. Returns the evidence, or null.
     */
    private @Nullable String relapse(List<Trajectory.Point> scored, int baseline) {
        boolean improved = false; // response or remission at a visit before the pair
        for (int i = 2; i < scored.size(); i++) {
            int earlier = scored.get(i - 2).total();
            improved |= i - 2 > 0 && (earlier <= baseline / 2.0 || earlier <= settings.madrsRemissionAt());
            var previous = scored.get(i - 1);
            var current = scored.get(i);
            var gap = Duration.between(previous.at(), current.at());
            if (improved && previous.total() >= settings.relapseMadrsAt() && current.total() >= settings.relapseMadrsAt()
                    && gap.compareTo(settings.relapseMinGap()) >= 0 && gap.compareTo(settings.relapseMaxGap()) <= 0) {
                return "MADRS " + previous.total() + " and " + current.total() + ", " + gap.toDays() + " days apart";
            }
        }
        return null;
    }

    private @Nullable Integer remissionLine(String code) {
        return switch (code) {
            case "phq9" -> settings.phq9RemissionBelow();
            case "madrs" -> settings.madrsRemissionAt();
            case "qids-sr16" -> settings.qidsRemissionAt();
            default -> null;
        };
    }

    private static boolean hasBands(Instrument instrument) {
        return !instrument.bands().isEmpty();
    }

    private static Trajectory.Status statusWithoutBaseline(List<Trajectory.Point> scored) {
        return scored.isEmpty() ? Trajectory.Status.none()
                : new Trajectory.Status(scored.get(scored.size() - 1).total(), null, false, false, false, null);
    }

    private static @Nullable Integer maximum(Instrument instrument) {
        return instrument.bands().stream().map(Instrument.Band::max).max(Integer::compare).orElse(null);
    }
}
