// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The Kaplan-Meier product-limit estimator with right censoring (Kaplan and Meier 1958). Each subject is followed
 * until the event (e.g. response) or until censoring (e.g. the last score without response). At each distinct event
 * time t: S(t) = S(t-) · (1 - d/n), where n is the number still at risk just before t (those whose time is at or after
 * t) and d the events at t. A subject censored at t counts as at risk at an event at the same t (the usual
 * convention: censoring happens just after events). Pure: no clock, no database.
 */
public final class KaplanMeier {

    /** One subject: follow-up time (days) and whether the event was seen at that time (false = censored). */
    public record Subject(double time, boolean event) {}

    /**
     * One step of the curve.
     *
     * @param survival S(t): the share still without the event just after t
     * @param atRisk subjects at risk just before t
     * @param events events at t
     * @param censored subjects censored at t (after the events)
     */
    public record Step(double time, int atRisk, int events, int censored, double survival) {

        /** 1 - S(t): the share who had the event by t (e.g. cumulative response). */
        public double incidence() {
            return 1 - survival;
        }
    }

    /**
     * @param steps one per distinct time with an event or censoring, in time order
     * @param median the first time at which S(t) is 0.5 or below, or null when the curve never gets there
     */
    public record Curve(int subjects, int events, List<Step> steps, @Nullable Double median) {

        /** Only the times with events: where the curve drops. */
        public List<Step> eventSteps() {
            return steps.stream().filter(s -> s.events() > 0).toList();
        }

        /** S just after time t (1 before the first event). */
        public double survivalAt(double t) {
            double s = 1;
            for (var step : steps) {
                if (step.time() > t) {
                    break;
                }
                s = step.survival();
            }
            return s;
        }
    }

    private KaplanMeier() {}

    public static Curve estimate(Collection<Subject> subjects) {
        var byTime = new TreeMap<Double, int[]>(); // time -> {events, censored}
        int events = 0;
        for (var s : subjects) {
            if (s.time() < 0 || Double.isNaN(s.time())) {
                throw new IllegalArgumentException("time must be >= 0: " + s.time());
            }
            var counts = byTime.computeIfAbsent(s.time(), t -> new int[2]);
            counts[s.event() ? 0 : 1]++;
            events += s.event() ? 1 : 0;
        }
        int atRisk = subjects.size();
        double survival = 1;
        Double median = null;
        var steps = new ArrayList<Step>();
        for (var entry : byTime.entrySet()) {
            int d = entry.getValue()[0];
            int c = entry.getValue()[1];
            if (d > 0) {
                survival *= 1 - (double) d / atRisk;
                if (median == null && survival <= 0.5 + 1e-12) {
                    median = entry.getKey();
                }
            }
            steps.add(new Step(entry.getKey(), atRisk, d, c, survival));
            atRisk -= d + c;
        }
        return new Curve(subjects.size(), events, List.copyOf(steps), median);
    }
}
