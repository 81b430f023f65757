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
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates are in 2026 unless stated: Fri 13 March, Sat 14, Sun 15, Mon 16, Tue 17, Wed 18 have no holidays. */
class BusinessCalendarEdgeTests {

    static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Duration DAY = Duration.ofHours(24);

    final BusinessCalendar demo = BusinessCalendar.demo();
    final BusinessCalendar openingHours = withMode(demo, CountingMode.OPENING_HOURS);

    @Test
    void fridayAfternoonIsDueMondayAfternoon() {
        assertThat(demo.addBusinessTime(phoenix("2026-03-13T15:00"), DAY)).isEqualTo(phoenix("2026-03-16T15:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-14T00:00", "2026-03-14T10:00", "2026-03-15T12:00", "2026-03-15T23:59"})
    void aWeekendSubmissionIsDueTuesdayAtMidnight(String submitted) {
        assertThat(demo.addBusinessTime(phoenix(submitted), DAY)).isEqualTo(phoenix("2026-03-17T00:00"));
    }

    @Test
    void mondayMorningIsDueTuesdayMorning() {
        assertThat(demo.addBusinessTime(phoenix("2026-03-16T09:00"), DAY)).isEqualTo(phoenix("2026-03-17T09:00"));
    }

    @Test
    void aWholeDayFromMondayMidnightEndsTuesdayMidnightNotWednesday() {
        assertThat(demo.addBusinessTime(phoenix("2026-03-16T00:00"), DAY)).isEqualTo(phoenix("2026-03-17T00:00"));
        assertThat(demo.addBusinessTime(phoenix("2026-03-13T00:00"), DAY)).isEqualTo(phoenix("2026-03-14T00:00"));
    }

    @Test
    void zeroBusinessTimeLeavesTheStartUnchangedEvenOnAWeekend() {
        var saturday = phoenix("2026-03-14T10:00");
        assertThat(demo.addBusinessTime(saturday, Duration.ZERO)).isEqualTo(saturday);
    }

    @Test
    void negativeBusinessTimeIsRefused() {
        assertThatThrownBy(() -> demo.addBusinessTime(phoenix("2026-03-16T09:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThanksgivingSubmissionStartsCountingFridayAndRunsOutAtTheEndOfFriday() {
        var thanksgiving = phoenix("2026-11-26T10:00");
        assertThat(demo.isHoliday(LocalDate.of(2026, 11, 26))).isTrue();
        assertThat(demo.addBusinessTime(thanksgiving, Duration.ofMinutes(1))).isEqualTo(phoenix("2026-11-27T00:01"));
        // Friday's 24 hours run out exactly at its end, Saturday 00:00; no business time passes before Monday 00:00.
        var due = demo.addBusinessTime(thanksgiving, DAY);
        assertThat(due).isEqualTo(phoenix("2026-11-28T00:00"));
        assertThat(demo.businessTimeBetween(due, phoenix("2026-11-30T00:00"))).isZero();
        assertThat(demo.addBusinessTime(thanksgiving, DAY.plusMinutes(1))).isEqualTo(phoenix("2026-11-30T00:01"));
    }

    @Test
    void theDayBeforeThanksgivingIsDueFridaySkippingThursday() {
        assertThat(demo.addBusinessTime(phoenix("2026-11-25T16:00"), DAY)).isEqualTo(phoenix("2026-11-27T16:00"));
    }

    @Test
    void independenceDayOnASaturdayMakesTheFridayBeforeAHoliday() {
        assertThat(demo.isHoliday(LocalDate.of(2026, 7, 3))).isTrue();
        assertThat(demo.isBusinessDay(LocalDate.of(2026, 7, 3))).isFalse();
        assertThat(demo.addBusinessTime(phoenix("2026-07-02T12:00"), DAY)).isEqualTo(phoenix("2026-07-06T12:00"));
    }

    @Test
    void christmas2027OnASaturdayMakesChristmasEveAHoliday() {
        assertThat(demo.isHoliday(LocalDate.of(2027, 12, 24))).isTrue();
        assertThat(demo.addBusinessTime(phoenix("2027-12-23T12:00"), DAY)).isEqualTo(phoenix("2027-12-27T12:00"));
    }

    @Test
    void newYear2022OnASaturdayMakesNewYearsEve2021AHoliday() {
        assertThat(demo.isHoliday(LocalDate.of(2021, 12, 31))).isTrue();
        assertThat(demo.addBusinessTime(phoenix("2021-12-30T12:00"), DAY)).isEqualTo(phoenix("2022-01-03T12:00"));
    }

    @Test
    void aClinicHolidayIsSkipped() {
        var calendar = new BusinessCalendar(PHOENIX, demo.businessDays(), demo.opens(), demo.closes(), true,
                Set.of(LocalDate.of(2026, 3, 16)), CountingMode.BUSINESS_DAYS);
        assertThat(calendar.isHoliday(LocalDate.of(2026, 3, 16))).isTrue();
        assertThat(calendar.addBusinessTime(phoenix("2026-03-13T15:00"), DAY)).isEqualTo(phoenix("2026-03-17T15:00"));
    }

    @Test
    void federalHolidaysCountWhenSwitchedOff() {
        var calendar = new BusinessCalendar(PHOENIX, demo.businessDays(), demo.opens(), demo.closes(), false, Set.of(),
                CountingMode.BUSINESS_DAYS);
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 11, 26))).isTrue();
        assertThat(calendar.addBusinessTime(phoenix("2026-11-25T16:00"), DAY)).isEqualTo(phoenix("2026-11-26T16:00"));
    }

    @Test
    void inOpeningHoursFridayAfternoonIsDueWednesdayNoon() {
        // 2 h Friday + 9 h Monday + 9 h Tuesday + 4 h Wednesday.
        assertThat(openingHours.addBusinessTime(phoenix("2026-03-13T15:00"), DAY))
                .isEqualTo(phoenix("2026-03-18T12:00"));
    }

    @Test
    void anAfterHoursSubmissionStartsCountingAtTheNextOpening() {
        var tuesdayEvening = phoenix("2026-03-17T19:00");
        assertThat(openingHours.addBusinessTime(tuesdayEvening, Duration.ofHours(1)))
                .isEqualTo(phoenix("2026-03-18T09:00"));
        assertThat(openingHours.addBusinessTime(tuesdayEvening, Duration.ofHours(9)))
                .isEqualTo(phoenix("2026-03-18T17:00"));
    }

    @Test
    void businessTimeRunningOutAtClosingIsDueAtClosingThatDay() {
        assertThat(openingHours.addBusinessTime(phoenix("2026-03-16T08:00"), Duration.ofHours(9)))
                .isEqualTo(phoenix("2026-03-16T17:00"));
        assertThat(openingHours.addBusinessTime(phoenix("2026-03-16T16:00"), Duration.ofHours(1)))
                .isEqualTo(phoenix("2026-03-16T17:00"));
    }

    @Test
    void twoUrgentHoursAtFourOClockAreDueAtNineTheNextBusinessDay() {
        assertThat(openingHours.addBusinessTime(phoenix("2026-03-16T16:00"), Duration.ofHours(2)))
                .isEqualTo(phoenix("2026-03-17T09:00"));
        assertThat(openingHours.addBusinessTime(phoenix("2026-03-13T16:00"), Duration.ofHours(2)))
                .isEqualTo(phoenix("2026-03-16T09:00"));
    }

    @Test
    void springForwardMakesADayOf23HoursSoTheWallClockRunsAnHourAhead() {
        var everyDay = new BusinessCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0),
                LocalTime.of(17, 0), false, Set.of(), CountingMode.BUSINESS_DAYS);
        var saturdayNoon = newYork("2026-03-07T12:00");

        var due = everyDay.addBusinessTime(saturdayNoon, DAY);

        assertThat(due).isEqualTo(newYork("2026-03-08T13:00")).isEqualTo(Instant.parse("2026-03-08T17:00:00Z"));
        assertThat(Duration.between(saturdayNoon, due)).isEqualTo(DAY);
        assertThat(everyDay.businessTimeBetween(newYork("2026-03-08T00:00"), newYork("2026-03-09T00:00")))
                .isEqualTo(Duration.ofHours(23));
    }

    @Test
    void fallBackMakesADayOf25HoursSoTheWallClockRunsAnHourBehind() {
        var everyDay = new BusinessCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0),
                LocalTime.of(17, 0), false, Set.of(), CountingMode.BUSINESS_DAYS);

        assertThat(everyDay.addBusinessTime(newYork("2026-10-31T12:00"), DAY))
                .isEqualTo(newYork("2026-11-01T11:00"))
                .isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
        assertThat(everyDay.businessTimeBetween(newYork("2026-11-01T00:00"), newYork("2026-11-02T00:00")))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void openingHoursAcrossTheSpringForwardWeekendResumeAtMondayInDaylightTime() {
        var newYorkHours = new BusinessCalendar(NEW_YORK, demo.businessDays(), demo.opens(), demo.closes(), true,
                Set.of(), CountingMode.OPENING_HOURS);
        assertThat(newYorkHours.addBusinessTime(newYork("2026-03-06T16:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
    }

    @Test
    void fridayAfternoonToMondayAfternoonIsOneBusinessDay() {
        assertThat(demo.businessTimeBetween(phoenix("2026-03-13T15:00"), phoenix("2026-03-16T15:00"))).isEqualTo(DAY);
    }

    @Test
    void businessTimeBetweenIsNegativeWhenTheEndIsBeforeTheStart() {
        assertThat(demo.businessTimeBetween(phoenix("2026-03-16T15:00"), phoenix("2026-03-13T15:00")))
                .isEqualTo(DAY.negated());
    }

    @Test
    void noBusinessTimePassesWithinAWeekend() {
        assertThat(demo.businessTimeBetween(phoenix("2026-03-14T10:00"), phoenix("2026-03-15T20:00")))
                .isZero();
        assertThat(demo.businessTimeBetween(phoenix("2026-03-16T10:00"), phoenix("2026-03-16T10:00"))).isZero();
    }

    @Test
    void openingHoursBetweenCountOnlyTheHoursOpen() {
        assertThat(openingHours.businessTimeBetween(phoenix("2026-03-13T15:00"), phoenix("2026-03-18T12:00")))
                .isEqualTo(DAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-13T15:00", "2026-03-14T10:00", "2026-03-17T19:00", "2026-11-25T16:00"})
    void theBusinessTimeAddedIsTheBusinessTimeBetween(String submitted) {
        var start = phoenix(submitted);
        for (var calendar : new BusinessCalendar[] {demo, openingHours}) {
            for (var amount : new Duration[] {Duration.ofMinutes(1), Duration.ofHours(2), DAY, Duration.ofDays(30)}) {
                assertThat(calendar.businessTimeBetween(start, calendar.addBusinessTime(start, amount)))
                        .isEqualTo(amount);
            }
        }
    }

    @Test
    void beforeEightOnAWeekdayTheClinicIsClosedAndOpensAtEight() {
        assertThat(demo.isOpen(phoenix("2026-03-16T07:59"))).isFalse();
        assertThat(demo.nextOpening(phoenix("2026-03-16T07:59"))).isEqualTo(phoenix("2026-03-16T08:00"));
    }

    @Test
    void atEightTheClinicIsOpenAndTheNextOpeningIsNow() {
        assertThat(demo.isOpen(phoenix("2026-03-16T08:00"))).isTrue();
        assertThat(demo.nextOpening(phoenix("2026-03-16T08:00"))).isEqualTo(phoenix("2026-03-16T08:00"));
        assertThat(demo.nextOpening(phoenix("2026-03-16T16:59"))).isEqualTo(phoenix("2026-03-16T16:59"));
    }

    @Test
    void atFiveTheClinicIsClosedUntilEightTheNextBusinessDay() {
        assertThat(demo.isOpen(phoenix("2026-03-16T17:00"))).isFalse();
        assertThat(demo.nextOpening(phoenix("2026-03-16T17:00"))).isEqualTo(phoenix("2026-03-17T08:00"));
        assertThat(demo.nextOpening(phoenix("2026-03-13T17:00"))).isEqualTo(phoenix("2026-03-16T08:00"));
    }

    @Test
    void onASaturdayTheClinicIsClosedUntilMonday() {
        assertThat(demo.isOpen(phoenix("2026-03-14T10:00"))).isFalse();
        assertThat(demo.nextOpening(phoenix("2026-03-14T10:00"))).isEqualTo(phoenix("2026-03-16T08:00"));
    }

    @Test
    void onAHolidayTheClinicIsClosedUntilTheNextBusinessDay() {
        assertThat(demo.isOpen(phoenix("2026-11-26T10:00"))).isFalse();
        assertThat(demo.nextOpening(phoenix("2026-11-26T10:00"))).isEqualTo(phoenix("2026-11-27T08:00"));
        assertThat(demo.nextOpening(phoenix("2026-12-24T17:30"))).isEqualTo(phoenix("2026-12-28T08:00"));
    }

    @Test
    void theDemoCalendarIsPhoenixWeekdaysEightToFive() {
        assertThat(demo.zone()).isEqualTo(PHOENIX);
        assertThat(demo.businessDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(demo.opens()).isEqualTo(LocalTime.of(8, 0));
        assertThat(demo.closes()).isEqualTo(LocalTime.of(17, 0));
        assertThat(demo.usFederalHolidays()).isTrue();
        assertThat(demo.extraHolidays()).isEmpty();
        assertThat(demo.mode()).isEqualTo(CountingMode.BUSINESS_DAYS);
    }

    @Test
    void aCalendarWithoutBusinessDaysIsRefused() {
        assertThatThrownBy(() -> new BusinessCalendar(PHOENIX, Set.of(), LocalTime.of(8, 0), LocalTime.of(17, 0), true,
                Set.of(), CountingMode.BUSINESS_DAYS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCalendarThatDoesNotOpenBeforeItClosesIsRefused() {
        assertThatThrownBy(() -> new BusinessCalendar(PHOENIX, demo.businessDays(), LocalTime.of(17, 0),
                LocalTime.of(17, 0), true, Set.of(), CountingMode.BUSINESS_DAYS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(PHOENIX, demo.businessDays(), LocalTime.of(18, 0),
                LocalTime.of(9, 0), true, Set.of(), CountingMode.BUSINESS_DAYS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changingTheSetsPassedInDoesNotChangeTheCalendar() {
        var days = EnumSet.of(DayOfWeek.MONDAY);
        var holidays = new HashSet<LocalDate>();
        var calendar = new BusinessCalendar(PHOENIX, days, LocalTime.of(8, 0), LocalTime.of(17, 0), true, holidays,
                CountingMode.BUSINESS_DAYS);

        days.add(DayOfWeek.TUESDAY);
        holidays.add(LocalDate.of(2026, 3, 16));

        assertThat(calendar.businessDays()).containsExactly(DayOfWeek.MONDAY);
        assertThat(calendar.extraHolidays()).isEmpty();
        assertThatThrownBy(() -> calendar.businessDays().add(DayOfWeek.SUNDAY))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void businessTimeBeyondTwentyYearsIsRefusedRatherThanWalkedForever() {
        assertThatThrownBy(() -> demo.addBusinessTime(phoenix("2026-03-16T09:00"), Duration.ofDays(365 * 30)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> demo.businessTimeBetween(phoenix("2026-03-16T09:00"), phoenix("2056-03-16T09:00")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aYearOfBusinessTimeIsCountedQuickly() {
        var start = phoenix("2026-03-16T09:00");
        var began = System.nanoTime();
        var due = openingHours.addBusinessTime(start, Duration.ofHours(9 * 250));
        assertThat(openingHours.businessTimeBetween(start, due)).isEqualTo(Duration.ofHours(9 * 250));
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
    }

    static Instant phoenix(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), PHOENIX).toInstant();
    }

    static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
    }

    static BusinessCalendar withMode(BusinessCalendar calendar, CountingMode mode) {
        return new BusinessCalendar(calendar.zone(), calendar.businessDays(), calendar.opens(), calendar.closes(),
                calendar.usFederalHolidays(), calendar.extraHolidays(), mode);
    }
}
