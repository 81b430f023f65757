// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The eleven US federal holidays (5 U.S.C. 6103) as observed: a fixed-date holiday on a Saturday is observed the
 * Friday before, on a Sunday the Monday after. New Year's Day on a Saturday is therefore observed on 31 December of
 * the year before.
 */
public final class UsFederalHolidays {

    private static final Map<Integer, Map<LocalDate, String>> CACHE = new ConcurrentHashMap<>();

    private UsFederalHolidays() {}

    /** The observed dates that fall in {@code year}, with their names. */
    public static Map<LocalDate, String> namedIn(int year) {
        return CACHE.computeIfAbsent(year, UsFederalHolidays::compute);
    }

    public static Set<LocalDate> observedIn(int year) {
        return namedIn(year).keySet();
    }

    public static boolean isObserved(LocalDate date) {
        return namedIn(date.getYear()).containsKey(date);
    }

    public static @Nullable String nameOf(LocalDate observed) {
        return namedIn(observed.getYear()).get(observed);
    }

    private static Map<LocalDate, String> compute(int year) {
        var days = new LinkedHashMap<LocalDate, String>();
        // New Year's Day of the next year may be observed on 31 December of this one
        var nextNewYear = observed(LocalDate.of(year + 1, 1, 1));
        var newYear = observed(LocalDate.of(year, 1, 1));
        if (newYear.getYear() == year) {
            days.put(newYear, "New Year's Day");
        }
        days.put(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3), "Birthday of Martin Luther King, Jr.");
        days.put(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3), "Washington's Birthday");
        days.put(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), "Memorial Day");
        if (year >= 2021) { // Juneteenth became a federal holiday on 17 June 2021
            days.put(observed(LocalDate.of(year, 6, 19)), "Juneteenth National Independence Day");
        }
        days.put(observed(LocalDate.of(year, 7, 4)), "Independence Day");
        days.put(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1), "Labor Day");
        days.put(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2), "Columbus Day");
        days.put(observed(LocalDate.of(year, 11, 11)), "Veterans Day");
        days.put(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4), "Thanksgiving Day");
        days.put(observed(LocalDate.of(year, 12, 25)), "Christmas Day");
        if (nextNewYear.getYear() == year) {
            days.put(nextNewYear, "New Year's Day");
        }
        return Collections.unmodifiableMap(days);
    }

    private static LocalDate observed(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
