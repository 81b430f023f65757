// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The clinic's business calendar and the arithmetic of business time on it. In {@link CountingMode#BUSINESS_DAYS}
 * every hour of a business day counts (local midnight to midnight, so a DST day has 23 or 25 hours); in
 * {@link CountingMode#OPENING_HOURS} only [opens, closes) on business days counts. Holidays never count.
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> businessDays, LocalTime opens, LocalTime closes,
        boolean usFederalHolidays, Set<LocalDate> extraHolidays, CountingMode mode) {

    /** About twenty years of days: a calendar that never counts would otherwise loop for ever. */
    private static final int MAX_DAYS = 7400;

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(mode, "mode");
        if (businessDays == null || businessDays.isEmpty()) {
            throw new IllegalArgumentException("A business calendar needs at least one business day.");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Opening time must be before closing time.");
        }
        businessDays = java.util.Collections.unmodifiableSet(EnumSet.copyOf(businessDays)); // keeps Monday-first order
        extraHolidays = Set.copyOf(extraHolidays);
    }

    /** The demo clinic: America/Phoenix, Monday to Friday 08:00–17:00, US federal holidays, whole business days. */
    public static BusinessCalendar demo() {
        return new BusinessCalendar(ZoneId.of("America/Phoenix"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(17, 0), true, Set.of(), CountingMode.BUSINESS_DAYS);
    }

    public BusinessCalendar withMode(CountingMode other) {
        return new BusinessCalendar(zone, businessDays, opens, closes, usFederalHolidays, extraHolidays, other);
    }

    public boolean isHoliday(LocalDate date) {
        return extraHolidays.contains(date) || (usFederalHolidays && UsFederalHolidays.isObserved(date));
    }

    public boolean isBusinessDay(LocalDate date) {
        return businessDays.contains(date.getDayOfWeek()) && !isHoliday(date);
    }

    /** Within opening hours on a business day. */
    public boolean isOpen(Instant at) {
        var local = at.atZone(zone);
        var date = local.toLocalDate();
        return isBusinessDay(date) && !at.isBefore(opening(date)) && at.isBefore(closing(date));
    }

    /** {@code at} itself when open, else the next opening. */
    public Instant nextOpening(Instant at) {
        if (isOpen(at)) {
            return at;
        }
        var date = at.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            if (isBusinessDay(date) && opening(date).isAfter(at)) {
                return opening(date);
            }
        }
        throw new IllegalStateException("No opening within twenty years on this calendar.");
    }

    /**
     * The instant reached after {@code amount} of countable time from {@code start}. Uncounted time is skipped; when
     * the amount runs out exactly at the end of a countable stretch, that end is returned.
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Cannot add negative business time: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        var remaining = amount;
        var date = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            if (!isBusinessDay(date)) {
                continue;
            }
            var from = max(stretchStart(date), start);
            var to = stretchEnd(date);
            if (!from.isBefore(to)) {
                continue;
            }
            var available = Duration.between(from, to);
            if (available.compareTo(remaining) >= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("Business time does not run out within twenty years on this calendar.");
    }

    /** Countable time in [from, to); negated when {@code to} is before {@code from} (an overdue amount). */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        var total = Duration.ZERO;
        var date = from.atZone(zone).toLocalDate();
        var last = to.atZone(zone).toLocalDate();
        if (java.time.temporal.ChronoUnit.DAYS.between(date, last) > MAX_DAYS) {
            throw new IllegalStateException("Business time is measured over at most twenty years.");
        }
        for (; !date.isAfter(last); date = date.plusDays(1)) {
            if (!isBusinessDay(date)) {
                continue;
            }
            var start = max(stretchStart(date), from);
            var end = min(stretchEnd(date), to);
            if (start.isBefore(end)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    private Instant stretchStart(LocalDate date) {
        return mode == CountingMode.BUSINESS_DAYS ? date.atStartOfDay(zone).toInstant() : opening(date);
    }

    private Instant stretchEnd(LocalDate date) {
        return mode == CountingMode.BUSINESS_DAYS ? date.plusDays(1).atStartOfDay(zone).toInstant() : closing(date);
    }

    private Instant opening(LocalDate date) {
        return ZonedDateTime.of(date, opens, zone).toInstant();
    }

    private Instant closing(LocalDate date) {
        return ZonedDateTime.of(date, closes, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
