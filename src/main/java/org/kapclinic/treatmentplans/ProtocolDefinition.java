// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a protocol template schedules, as stored (JSON) and edited by admins. Phases run one after another from the
 * plan's start date; each phase lays out its dosing sessions in one of three ways: {@code perWeek} times a week for
 * {@code weeks} weeks, {@code count} sessions {@code everyDays} apart, or explicit {@code dayOffsets} from the phase's
 * start. Preparation and integration sessions sit a number of days before and after each dose.
 */
public record ProtocolDefinition(int dosingMinutes, int observationMinutes, List<Phase> phases,
        @Nullable List<Integer> preparationDaysBefore, @Nullable List<Integer> integrationDaysAfter,
        @Nullable Integer integrationWithinHours, @Nullable List<MeasurePoint> measures,
        @Nullable List<ReevaluationPoint> reevaluations) {

    public record Phase(String name, @Nullable Integer weeks, @Nullable Integer perWeek, @Nullable Integer everyDays,
            @Nullable Integer count, @Nullable List<Integer> dayOffsets, @Nullable String firstDose,
            @Nullable String dose, @Nullable Boolean adjustable, @Nullable String note) {

        public boolean isAdjustable() {
            return Boolean.TRUE.equals(adjustable);
        }

        /** Days from this phase's start to each of its dosing sessions. */
        List<Integer> offsets() {
            var list = new ArrayList<Integer>();
            if (dayOffsets != null && !dayOffsets.isEmpty()) {
                list.addAll(dayOffsets);
            } else if (perWeek != null && weeks != null) {
                for (int w = 0; w < weeks; w++) {
                    for (int i = 0; i < perWeek; i++) {
                        list.add(w * 7 + i * 7 / perWeek);
                    }
                }
            } else if (everyDays != null && count != null) {
                for (int i = 0; i < count; i++) {
                    list.add(i * everyDays);
                }
            }
            return list;
        }

        /** How long the phase lasts, so the next one starts after it. */
        int lengthDays() {
            if (dayOffsets != null && !dayOffsets.isEmpty()) {
                return dayOffsets.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            }
            if (perWeek != null && weeks != null) {
                return weeks * 7;
            }
            return everyDays != null && count != null ? everyDays * count : 0;
        }

        Phase withEveryDays(int days) {
            return new Phase(name, weeks, perWeek, days, count, dayOffsets, firstDose, dose, adjustable, note);
        }
    }

    public enum When { BEFORE_EACH_DOSE, AFTER_EACH_DOSE, AFTER_DOSE, END_OF_PHASE, EVERY_DAYS }

    public record MeasurePoint(List<String> instruments, When when, @Nullable Integer hours, @Nullable Integer dose,
            @Nullable Integer phase, @Nullable Integer everyDays) {}

    public record ReevaluationPoint(String label, @Nullable Integer afterDose, @Nullable Integer hours,
            @Nullable Integer endOfPhase) {}

    public List<Integer> preparation() {
        return preparationDaysBefore == null ? List.of() : preparationDaysBefore;
    }

    public List<Integer> integration() {
        return integrationDaysAfter == null ? List.of() : integrationDaysAfter;
    }

    /** Integration sessions must start within this many hours of their dose (KAP practice: 72). */
    public int integrationWindowHours() {
        return integrationWithinHours == null ? 72 : integrationWithinHours;
    }

    public List<MeasurePoint> measurePoints() {
        return measures == null ? List.of() : measures;
    }

    public List<ReevaluationPoint> reevaluationPoints() {
        return reevaluations == null ? List.of() : reevaluations;
    }

    /** The phase an adjustable interval applies to, if any. */
    public @Nullable Phase adjustablePhase() {
        return phases.stream().filter(Phase::isAdjustable).findFirst().orElse(null);
    }
}
