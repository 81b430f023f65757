// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Lays a protocol out on the calendar. Pure: the definition, the first dosing day, the clinic's time zone and which
 * days it is open in; the schedule out. A dosing or therapy day that falls on a closed day moves to the next open day
 * (a preparation session to the one before). Times are wall-clock in the clinic's zone, so 09:00 stays 09:00 across a
 * daylight-saving change; a point "24 hours after a dose" is 24 real hours later.
 */
public final class ScheduleGenerator {

    /**
     * @param doseTime wall-clock start of each dosing session
     * @param therapyTime wall-clock start of preparation, integration and re-evaluation sessions
     * @param everyDays a new interval for the template's adjustable phase, or null to keep the template's
     */
    public record Request(LocalDate start, LocalTime doseTime, LocalTime therapyTime, ZoneId zone,
            Predicate<LocalDate> open, @Nullable Integer everyDays) {}

    private ScheduleGenerator() {}

    public static List<PlannedItem> generate(ProtocolDefinition definition, Request request) {
        var items = new ArrayList<PlannedItem>();
        var doses = new ArrayList<ZonedDateTime>();
        var lastDoseOfPhase = new ArrayList<ZonedDateTime>();
        var phaseStart = request.start();
        LocalDate lastDoseDate = null;
        for (var original : definition.phases()) {
            var phase = original.isAdjustable() && request.everyDays() != null
                    ? original.withEveryDays(request.everyDays()) : original;
            ZonedDateTime last = null;
            for (int offset : phase.offsets()) {
                var date = nextOpen(phaseStart.plusDays(offset), request.open());
                if (lastDoseDate != null && !date.isAfter(lastDoseDate)) {
                    date = nextOpen(lastDoseDate.plusDays(1), request.open());
                }
                lastDoseDate = date;
                var at = ZonedDateTime.of(date, request.doseTime(), request.zone());
                doses.add(at);
                last = at;
                int number = doses.size();
                var dose = number == 1 && phase.firstDose() != null ? phase.firstDose() : phase.dose();
                items.add(new PlannedItem(PlannedItem.Kind.DOSING, at, "Dose " + number, number, phase.name(),
                        List.of(), dose));
                for (int before : definition.preparation()) {
                    var day = previousOpen(date.minusDays(before), request.open());
                    items.add(new PlannedItem(PlannedItem.Kind.PREPARATION,
                            ZonedDateTime.of(day, request.therapyTime(), request.zone()),
                            "Preparation for dose " + number, number, phase.name(), List.of(), null));
                }
                int k = 0;
                for (int after : definition.integration()) {
                    k++;
                    var day = nextOpen(date.plusDays(after), request.open());
                    var when = ZonedDateTime.of(day, request.therapyTime(), request.zone());
                    if (when.isAfter(at.plusHours(definition.integrationWindowHours()))) {
                        // a closed day pushed it past the window: take the last open day before it instead
                        var earlier = previousOpen(date.plusDays(after), request.open());
                        when = ZonedDateTime.of(earlier.isBefore(date) ? date : earlier, request.therapyTime(),
                                request.zone());
                    }
                    var day0 = when.toLocalDate();
                    if (items.stream().anyMatch(i -> i.kind() == PlannedItem.Kind.INTEGRATION
                            && Integer.valueOf(number).equals(i.doseNumber()) && i.at().toLocalDate().equals(day0))) {
                        continue; // two integrations squeezed onto one day: one is enough (the protocol says one or two)
                    }
                    items.add(new PlannedItem(PlannedItem.Kind.INTEGRATION, when,
                            "Integration " + k + " after dose " + number, number, phase.name(), List.of(), null));
                }
            }
            lastDoseOfPhase.add(last);
            phaseStart = phaseStart.plusDays(phase.lengthDays());
        }
        measures(definition, request, doses, lastDoseOfPhase, items);
        reevaluations(definition, request, doses, lastDoseOfPhase, items);
        items.sort(Comparator.comparing((PlannedItem i) -> i.at().toInstant()).thenComparing(i -> i.kind().ordinal()));
        return merged(items);
    }

    /** Measurement points at the same moment with the same label become one point with all their instruments. */
    private static List<PlannedItem> merged(List<PlannedItem> sorted) {
        var out = new ArrayList<PlannedItem>();
        for (var item : sorted) {
            var last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && item.kind() == PlannedItem.Kind.ASSESSMENT && last.kind() == PlannedItem.Kind.ASSESSMENT
                    && last.at().toInstant().equals(item.at().toInstant()) && last.label().equals(item.label())) {
                var instruments = new ArrayList<>(last.instruments());
                item.instruments().stream().filter(i -> !instruments.contains(i)).forEach(instruments::add);
                out.set(out.size() - 1, new PlannedItem(last.kind(), last.at(), last.label(), last.doseNumber(),
                        last.phase(), List.copyOf(instruments), last.dose()));
            } else {
                out.add(item);
            }
        }
        return List.copyOf(out);
    }

    private static void measures(ProtocolDefinition definition, Request request, List<ZonedDateTime> doses,
            List<ZonedDateTime> lastDoseOfPhase, List<PlannedItem> items) {
        for (var point : definition.measurePoints()) {
            var instruments = List.copyOf(point.instruments());
            switch (point.when()) {
                case BEFORE_EACH_DOSE -> {
                    for (int i = 0; i < doses.size(); i++) {
                        items.add(new PlannedItem(PlannedItem.Kind.ASSESSMENT, doses.get(i), "Before dose " + (i + 1),
                                i + 1, "", instruments, null));
                    }
                }
                case AFTER_EACH_DOSE -> {
                    for (int i = 0; i < doses.size(); i++) {
                        items.add(new PlannedItem(PlannedItem.Kind.ASSESSMENT, doses.get(i).plusHours(hours(point)),
                                hours(point) + " h after dose " + (i + 1), i + 1, "", instruments, null));
                    }
                }
                case AFTER_DOSE -> {
                    int n = point.dose() == null ? 1 : point.dose();
                    if (n >= 1 && n <= doses.size()) {
                        items.add(new PlannedItem(PlannedItem.Kind.ASSESSMENT, doses.get(n - 1).plusHours(hours(point)),
                                hours(point) + " h after dose " + n, n, "", instruments, null));
                    }
                }
                case END_OF_PHASE -> {
                    var at = phaseEnd(point.phase(), lastDoseOfPhase);
                    if (at != null) {
                        items.add(new PlannedItem(PlannedItem.Kind.ASSESSMENT, at, "End of "
                                + definition.phases().get(point.phase() - 1).name(), null, "", instruments, null));
                    }
                }
                case EVERY_DAYS -> {
                    if (doses.isEmpty() || point.everyDays() == null || point.everyDays() < 1) {
                        continue;
                    }
                    var end = doses.get(doses.size() - 1).toLocalDate();
                    for (var day = request.start().plusDays(point.everyDays()); !day.isAfter(end);
                            day = day.plusDays(point.everyDays())) {
                        var open = nextOpen(day, request.open());
                        items.add(new PlannedItem(PlannedItem.Kind.ASSESSMENT,
                                ZonedDateTime.of(open, request.doseTime(), request.zone()),
                                "Every " + point.everyDays() + " days", null, "", instruments, null));
                    }
                }
            }
        }
    }

    private static void reevaluations(ProtocolDefinition definition, Request request, List<ZonedDateTime> doses,
            List<ZonedDateTime> lastDoseOfPhase, List<PlannedItem> items) {
        for (var point : definition.reevaluationPoints()) {
            if (point.afterDose() != null) {
                int n = point.afterDose();
                if (n >= 1 && n <= doses.size()) {
                    items.add(new PlannedItem(PlannedItem.Kind.REEVALUATION,
                            doses.get(n - 1).plusHours(point.hours() == null ? 0 : point.hours()), point.label(), n, "",
                            List.of(), null));
                }
            } else {
                var end = phaseEnd(point.endOfPhase(), lastDoseOfPhase);
                if (end != null) {
                    var day = nextOpen(end.toLocalDate().plusDays(1), request.open());
                    items.add(new PlannedItem(PlannedItem.Kind.REEVALUATION,
                            ZonedDateTime.of(day, request.therapyTime(), request.zone()), point.label(), null, "",
                            List.of(), null));
                }
            }
        }
    }

    private static @Nullable ZonedDateTime phaseEnd(@Nullable Integer phase, List<ZonedDateTime> lastDoseOfPhase) {
        if (phase == null || phase < 1 || phase > lastDoseOfPhase.size()) {
            return null;
        }
        return lastDoseOfPhase.get(phase - 1);
    }

    private static int hours(ProtocolDefinition.MeasurePoint point) {
        return point.hours() == null ? 0 : point.hours();
    }

    static LocalDate nextOpen(LocalDate day, Predicate<LocalDate> open) {
        var d = day;
        for (int i = 0; i < 30 && !open.test(d); i++) {
            d = d.plusDays(1);
        }
        return d;
    }

    static LocalDate previousOpen(LocalDate day, Predicate<LocalDate> open) {
        var d = day;
        for (int i = 0; i < 30 && !open.test(d); i++) {
            d = d.minusDays(1);
        }
        return d;
    }
}
