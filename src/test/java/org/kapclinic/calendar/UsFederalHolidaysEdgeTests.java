// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UsFederalHolidaysEdgeTests {

    @Test
    void all11HolidaysOf2026HaveTheirObservedDatesAndNames() {
        var expected = new LinkedHashMap<LocalDate, String>();
        expected.put(LocalDate.of(2026, 1, 1), "New Year's Day");
        expected.put(LocalDate.of(2026, 1, 19), "Birthday of Martin Luther King, Jr.");
        expected.put(LocalDate.of(2026, 2, 16), "Washington's Birthday");
        expected.put(LocalDate.of(2026, 5, 25), "Memorial Day");
        expected.put(LocalDate.of(2026, 6, 19), "Juneteenth National Independence Day");
        expected.put(LocalDate.of(2026, 7, 3), "Independence Day");
        expected.put(LocalDate.of(2026, 9, 7), "Labor Day");
        expected.put(LocalDate.of(2026, 10, 12), "Columbus Day");
        expected.put(LocalDate.of(2026, 11, 11), "Veterans Day");
        expected.put(LocalDate.of(2026, 11, 26), "Thanksgiving Day");
        expected.put(LocalDate.of(2026, 12, 25), "Christmas Day");

        assertThat(UsFederalHolidays.observedIn(2026)).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<LocalDate, String> holiday : expected.entrySet()) {
            assertThat(UsFederalHolidays.isObserved(holiday.getKey())).as(holiday.getValue()).isTrue();
            assertThat(UsFederalHolidays.nameOf(holiday.getKey())).isEqualTo(holiday.getValue());
        }
    }

    @Test
    void aSaturdayHolidayIsObservedTheFridayBefore() {
        assertThat(LocalDate.of(2026, 7, 4).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2026, 7, 3))).isTrue();
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2026, 7, 4))).isFalse();

        assertThat(LocalDate.of(2027, 12, 25).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2027, 12, 24))).isEqualTo("Christmas Day");

        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2023, 11, 10))).isEqualTo("Veterans Day");
    }

    @Test
    void aSundayHolidayIsObservedTheMondayAfter() {
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2023, 1, 2))).isEqualTo("New Year's Day");
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2022, 6, 20))).isEqualTo("Juneteenth National Independence Day");
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2022, 12, 26))).isEqualTo("Christmas Day");
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2022, 12, 25))).isFalse();
    }

    @Test
    void newYearOnASaturdayIsObservedOnNewYearsEveOfTheYearBefore() {
        assertThat(LocalDate.of(2022, 1, 1).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2021, 12, 31))).isTrue();
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2021, 12, 31))).isEqualTo("New Year's Day");
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2022, 1, 1))).isFalse();
    }

    @Test
    void aYearListsTheDatesObservedWithinItSoSomeHold12AndSome10() {
        assertThat(UsFederalHolidays.observedIn(2021))
                .hasSize(12)
                .contains(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
        assertThat(UsFederalHolidays.observedIn(2022))
                .hasSize(10)
                .allSatisfy(date -> assertThat(date.getYear()).isEqualTo(2022));
    }

    @Test
    void mondayAndThursdayHolidaysFallOnTheRightWeek() {
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2027, 1, 18))).isEqualTo("Birthday of Martin Luther King, Jr.");
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2027, 5, 31))).isEqualTo("Memorial Day");
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2025, 11, 27))).isEqualTo("Thanksgiving Day");
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2027, 11, 25))).isEqualTo("Thanksgiving Day");
    }

    @Test
    void juneteenthIsAHolidayFrom2021() {
        assertThat(UsFederalHolidays.observedIn(2020)).hasSize(10);
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2020, 6, 19))).isFalse();
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2021, 6, 18))).isEqualTo("Juneteenth National Independence Day");
    }

    @Test
    void anOrdinaryDayHasNoHolidayName() {
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2026, 3, 16))).isNull();
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2026, 3, 16))).isFalse();
    }

    @Test
    void theYearsHolidaysCannotBeChangedByACaller() {
        var holidays = UsFederalHolidays.observedIn(2026);
        assertThatThrownBy(() -> holidays.add(LocalDate.of(2026, 3, 16)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(UsFederalHolidays.observedIn(2026)).hasSize(11);
    }

    @Test
    void concurrentCallersSeeTheSameHolidays() {
        var futures = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> UsFederalHolidays.observedIn(2031 + i % 4)))
                .toList();
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).join()).containsExactlyElementsOf(UsFederalHolidays.observedIn(2031 + i % 4));
        }
    }
}
