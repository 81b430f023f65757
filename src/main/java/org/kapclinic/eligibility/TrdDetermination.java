// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Treatment-resistant depression: at least two adequate, failed antidepressant trials in the current episode
 * (REFERENCE.md 5.1; the Spravato label's "at least two oral antidepressants"). Pure: the trials, the dose floors and
 * the settings in, a verdict per trial with its reasons out.
 */
public final class TrdDetermination {

    /** Why one trial counts or not. */
    public record Verdict(Trial trial, boolean adequate, boolean failed, boolean counts, List<String> reasons,
            @Nullable DoseFloor floor) {}

    public record Result(boolean met, int counted, int required, List<Verdict> verdicts) {

        public String summary() {
            return (met ? "TRD criteria met: " : "TRD criteria not met: ") + counted + " adequate failed antidepressant "
                    + (counted == 1 ? "trial" : "trials") + " in the current episode (at least " + required + " needed).";
        }
    }

    private TrdDetermination() {}

    public static Result determine(List<Trial> trials, Map<String, DoseFloor> floors, EligibilitySettings settings) {
        var verdicts = new ArrayList<Verdict>();
        int counted = 0;
        for (var trial : trials) {
            if (trial.voided()) {
                continue;
            }
            var verdict = judge(trial, floors.get(trial.drugKey()), settings);
            if (verdict.counts()) {
                counted++;
            }
            verdicts.add(verdict);
        }
        return new Result(counted >= settings.requiredFailedTrials(), counted, settings.requiredFailedTrials(),
                List.copyOf(verdicts));
    }

    static Verdict judge(Trial trial, @Nullable DoseFloor floor, EligibilitySettings settings) {
        var reasons = new ArrayList<String>();
        boolean adequate = true;
        if (trial.augmentation()) {
            reasons.add("Augmentation: it adds to Maudsley staging but is not an antidepressant trial of its own.");
            adequate = false;
        } else if (floor == null) {
            reasons.add("No minimum adequate dose on file for " + trial.drug()
                    + ": add it to the dose table to judge this trial.");
            adequate = false;
        } else if (trial.maxDailyMg().compareTo(floor.minDailyMg()) < 0) {
            reasons.add("Dose " + plain(trial.maxDailyMg()) + " mg/day is below the minimum adequate "
                    + plain(floor.minDailyMg()) + " mg/day.");
            adequate = false;
        } else {
            reasons.add("Dose " + plain(trial.maxDailyMg()) + " mg/day meets the minimum "
                    + plain(floor.minDailyMg()) + " mg/day" + (floor.verified() ? "." : " (minimum not yet verified)."));
        }
        if (!trial.augmentation()) {
            if (trial.weeksAtDose() < settings.adequateWeeks()) {
                reasons.add(trial.weeksAtDose() + " weeks at that dose is shorter than " + settings.adequateWeeks()
                        + " weeks.");
                adequate = false;
            } else {
                reasons.add(trial.weeksAtDose() + " weeks at that dose (at least " + settings.adequateWeeks() + ").");
            }
            if (!trial.adherence().atLeast(settings.minimumAdherence())) {
                reasons.add("Adherence \"" + trial.adherence().label().toLowerCase(java.util.Locale.ROOT)
                        + "\" is below \"" + settings.minimumAdherence().label().toLowerCase(java.util.Locale.ROOT)
                        + "\".");
                adequate = false;
            }
        }
        boolean failed = switch (trial.outcome()) {
            case NO_RESPONSE -> true;
            case PARTIAL -> settings.partialResponseIsFailure();
            case RESPONSE, INTOLERANCE -> false;
        };
        switch (trial.outcome()) {
            case NO_RESPONSE -> reasons.add("No response: a failed trial.");
            case PARTIAL -> reasons.add(settings.partialResponseIsFailure()
                    ? "Partial response counts as failure (clinic setting)."
                    : "Partial response does not count as failure (clinic setting).");
            case RESPONSE -> reasons.add("Responded: not a failed trial.");
            case INTOLERANCE -> reasons.add("Stopped for intolerance: intolerance alone is not an adequate failed trial.");
        }
        if (!trial.currentEpisode()) {
            reasons.add("In an earlier episode: TRD counts the current episode only.");
        }
        boolean counts = adequate && failed && trial.currentEpisode();
        return new Verdict(trial, adequate, failed, counts, List.copyOf(reasons), floor);
    }

    static String plain(java.math.BigDecimal mg) {
        return mg.stripTrailingZeros().toPlainString();
    }
}
