// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business-time arithmetic: weekends, holidays, DST, after-hours and holiday submissions, both counting modes. */
class BusinessCalendarTests {

    static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Duration DAY = Duration.ofHours(24);

    final BusinessCalendar demo = BusinessCalendar.demo();
    final BusinessCalendar openingHours = demo.withMode(CountingMode.OPENING_HOURS);

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Instant phoenix(String localDateTime) {
        return at(localDateTime, PHOENIX);
    }

    @Test
    void fridayAfternoonIsDueMondayAtTheSameTime() {
        assertThat(demo.addBusinessTime(phoenix("2026-11-13T15:00"), DAY)).isEqualTo(phoenix("2026-11-16T15:00"));
    }

    @Test
    void aSaturdaySubmissionIsDueTuesdayAtMidnight() {
        assertThat(demo.addBusinessTime(phoenix("2026-11-14T10:00"), DAY)).isEqualTo(phoenix("2026-11-17T00:00"));
        assertThat(demo.addBusinessTime(phoenix("2026-11-15T23:59"), DAY)).isEqualTo(phoenix("2026-11-17T00:00"));
    }

    @Test
    void aWeekdaySubmissionIsDueTheNextDayAtTheSameTime() {
        assertThat(demo.addBusinessTime(phoenix("2026-11-16T09:00"), DAY)).isEqualTo(phoenix("2026-11-17T09:00"));
    }

    @Test
    void runningOutAtTheEndOfADayGivesThatEndNotTheNextStart() {
        assertThat(demo.addBusinessTime(phoenix("2026-11-16T00:00"), DAY)).isEqualTo(phoenix("2026-11-17T00:00"));
        assertThat(openingHours.addBusinessTime(phoenix("2026-11-16T08:00"), Duration.ofHours(9)))
                .isEqualTo(phoenix("2026-11-16T17:00"));
    }

    @Test
    void thanksgivingDoesNotCount() {
        // Thu 26 Nov 2026 is Thanksgiving: a submission that day counts all of Friday, so it is due as Friday ends
        assertThat(demo.addBusinessTime(phoenix("2026-11-26T10:00"), DAY)).isEqualTo(phoenix("2026-11-28T00:00"));
        assertThat(demo.addBusinessTime(phoenix("2026-11-25T16:00"), DAY)).isEqualTo(phoenix("2026-11-27T16:00"));
    }

    @Test
    void observedHolidaysMoveOffTheWeekend() {
        assertThat(demo.isHoliday(LocalDate.of(2026, 7, 3))).isTrue(); // 4 July 2026 is a Saturday
        assertThat(demo.isHoliday(LocalDate.of(2027, 12, 24))).isTrue(); // Christmas 2027 is a Saturday
        assertThat(demo.isHoliday(LocalDate.of(2021, 12, 31))).isTrue(); // New Year 2022 is a Saturday
        assertThat(demo.isHoliday(LocalDate.of(2026, 7, 4))).isFalse();
        assertThat(demo.addBusinessTime(phoenix("2026-07-02T15:00"), DAY)).isEqualTo(phoenix("2026-07-06T15:00"));
    }

    @Test
    void aClinicHolidayIsSkipped() {
        var closed = new BusinessCalendar(PHOENIX, demo.businessDays(), demo.opens(), demo.closes(), true,
                Set.of(LocalDate.of(2026, 11, 17)), CountingMode.BUSINESS_DAYS);
        assertThat(closed.addBusinessTime(phoenix("2026-11-16T09:00"), DAY)).isEqualTo(phoenix("2026-11-18T09:00"));
    }

    @Test
    void federalHolidaysCanBeSwitchedOff() {
        var open = new BusinessCalendar(PHOENIX, demo.businessDays(), demo.opens(), demo.closes(), false, Set.of(),
                CountingMode.BUSINESS_DAYS);
        assertThat(open.addBusinessTime(phoenix("2026-11-26T10:00"), DAY)).isEqualTo(phoenix("2026-11-27T10:00"));
    }

    @Test
    void openingHoursModeCountsOnlyOpeningHours() {
        // Fri 15:00 + 24 h at 9 h a day: 2 h Friday, 9 Monday, 9 Tuesday, 4 Wednesday
        assertThat(openingHours.addBusinessTime(phoenix("2026-11-13T15:00"), DAY)).isEqualTo(phoenix("2026-11-18T12:00"));
    }

    @Test
    void anAfterHoursSubmissionStartsCountingAtTheNextOpening() {
        assertThat(openingHours.addBusinessTime(phoenix("2026-11-17T19:00"), Duration.ofHours(2)))
                .isEqualTo(phoenix("2026-11-18T10:00"));
        assertThat(openingHours.addBusinessTime(phoenix("2026-11-17T06:00"), Duration.ofHours(2)))
                .isEqualTo(phoenix("2026-11-17T10:00"));
    }

    @Test
    void twoOpeningHoursLateInTheDayCarryToTheNextBusinessDay() {
        assertThat(openingHours.addBusinessTime(phoenix("2026-11-16T16:00"), Duration.ofHours(2)))
                .isEqualTo(phoenix("2026-11-17T09:00"));
        // Wednesday before Thanksgiving carries over the holiday to Friday
        assertThat(openingHours.addBusinessTime(phoenix("2026-11-25T16:30"), Duration.ofHours(2)))
                .isEqualTo(phoenix("2026-11-27T09:30"));
    }

    @Test
    void aSpringForwardDayHas23Hours() {
        var everyDay = new BusinessCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0),
                LocalTime.of(17, 0), false, Set.of(), CountingMode.BUSINESS_DAYS);
        // Sun 8 Mar 2026 02:00 EST becomes 03:00 EDT: 24 real hours from Saturday noon is Sunday 13:00 by the wall clock
        assertThat(everyDay.addBusinessTime(at("2026-03-07T12:00", NEW_YORK), DAY)).isEqualTo(at("2026-03-08T13:00", NEW_YORK));
        assertThat(everyDay.businessTimeBetween(at("2026-03-08T00:00", NEW_YORK), at("2026-03-09T00:00", NEW_YORK)))
                .isEqualTo(Duration.ofHours(23));
    }

    @Test
    void aFallBackDayHas25Hours() {
        var everyDay = new BusinessCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0),
                LocalTime.of(17, 0), false, Set.of(), CountingMode.BUSINESS_DAYS);
        assertThat(everyDay.addBusinessTime(at("2026-10-31T12:00", NEW_YORK), DAY)).isEqualTo(at("2026-11-01T11:00", NEW_YORK));
        assertThat(everyDay.businessTimeBetween(at("2026-11-01T00:00", NEW_YORK), at("2026-11-02T00:00", NEW_YORK)))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void openingHoursAcrossTheSpringForwardWeekendKeepTheWallClock() {
        var newYork = new BusinessCalendar(NEW_YORK, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(17, 0), true, Set.of(), CountingMode.OPENING_HOURS);
        assertThat(newYork.addBusinessTime(at("2026-03-06T16:00", NEW_YORK), Duration.ofHours(2)))
                .isEqualTo(at("2026-03-09T09:00", NEW_YORK));
    }

    @Test
    void businessTimeBetweenCountsOnlyBusinessTimeAndIsNegativeWhenOverdue() {
        assertThat(demo.businessTimeBetween(phoenix("2026-11-13T15:00"), phoenix("2026-11-16T15:00"))).isEqualTo(DAY);
        assertThat(demo.businessTimeBetween(phoenix("2026-11-16T15:00"), phoenix("2026-11-13T15:00"))).isEqualTo(DAY.negated());
        assertThat(demo.businessTimeBetween(phoenix("2026-11-14T01:00"), phoenix("2026-11-15T23:00"))).isZero();
    }

    @Test
    void isOpenAndNextOpeningFollowHoursWeekendsAndHolidays() {
        assertThat(demo.isOpen(phoenix("2026-11-16T07:59"))).isFalse();
        assertThat(demo.isOpen(phoenix("2026-11-16T08:00"))).isTrue();
        assertThat(demo.isOpen(phoenix("2026-11-16T17:00"))).isFalse();
        assertThat(demo.isOpen(phoenix("2026-11-14T10:00"))).isFalse();
        assertThat(demo.isOpen(phoenix("2026-11-26T10:00"))).isFalse();
        assertThat(demo.nextOpening(phoenix("2026-11-16T07:00"))).isEqualTo(phoenix("2026-11-16T08:00"));
        assertThat(demo.nextOpening(phoenix("2026-11-16T09:00"))).isEqualTo(phoenix("2026-11-16T09:00"));
        assertThat(demo.nextOpening(phoenix("2026-11-25T17:30"))).isEqualTo(phoenix("2026-11-27T08:00"));
    }

    @Test
    void addingNothingReturnsTheStartAndNegativeTimeIsRefused() {
        var start = phoenix("2026-11-14T10:00");
        assertThat(demo.addBusinessTime(start, Duration.ZERO)).isEqualTo(start);
        assertThatThrownBy(() -> demo.addBusinessTime(start, Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCalendarNeedsBusinessDaysAndHoursThatMakeSense() {
        assertThatThrownBy(() -> new BusinessCalendar(PHOENIX, Set.of(), LocalTime.of(8, 0), LocalTime.of(17, 0), true,
                Set.of(), CountingMode.BUSINESS_DAYS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(PHOENIX, Set.of(DayOfWeek.MONDAY), LocalTime.of(17, 0),
                LocalTime.of(8, 0), true, Set.of(), CountingMode.BUSINESS_DAYS)).isInstanceOf(IllegalArgumentException.class);
    }
}
