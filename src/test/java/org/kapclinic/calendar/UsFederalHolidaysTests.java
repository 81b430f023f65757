// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UsFederalHolidaysTests {

    @Test
    void the2026HolidaysAreTheElevenObservedDates() {
        assertThat(UsFederalHolidays.observedIn(2026)).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 5, 25),
                LocalDate.of(2026, 6, 19), LocalDate.of(2026, 7, 3), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 12),
                LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25));
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2026, 11, 26))).isEqualTo("Thanksgiving Day");
    }

    @Test
    void aSaturdayNewYearIsObservedOnTheLastDayOfTheYearBefore() {
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2021, 12, 31))).isTrue();
        assertThat(UsFederalHolidays.nameOf(LocalDate.of(2021, 12, 31))).isEqualTo("New Year's Day");
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2022, 1, 1))).isFalse();
    }

    @Test
    void aSundayHolidayIsObservedOnMonday() {
        // Juneteenth 2022 fell on a Sunday
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2022, 6, 20))).isTrue();
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2022, 6, 19))).isFalse();
    }

    @Test
    void memorialDayIsTheLastMondayOfMay() {
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2027, 5, 31))).isTrue();
        assertThat(UsFederalHolidays.isObserved(LocalDate.of(2027, 5, 24))).isFalse();
    }
}
