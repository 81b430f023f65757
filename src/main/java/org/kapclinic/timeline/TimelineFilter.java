// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The timeline's filter as the reader typed it (kept for redisplay) and as read: kinds (none ticked means every
 * kind), a from date and a to date in the clinic's time zone (both days included), and the "older" cursor (entries
 * strictly before that instant). {@link #errors()} names each field that could not be read, with a message.
 */
public record TimelineFilter(List<String> kindInput, String fromInput, String toInput, String beforeInput,
        Set<TimelineKind> kinds, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable Instant before,
        Map<String, String> errors) {

    /** The earliest date a filter may name: nothing in the clinic's records is older. */
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final Instant FIRST_CURSOR = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_CURSOR = Instant.parse("9999-12-31T23:59:59.999999Z");

    public static TimelineFilter read(@Nullable List<String> kind, @Nullable String from, @Nullable String to,
            @Nullable String before, LocalDate today) {
        var errors = new LinkedHashMap<String, String>();
        var kindInput = kind == null ? List.<String>of() : kind.stream().filter(k -> !k.isBlank()).toList();
        var kinds = EnumSet.noneOf(TimelineKind.class);
        for (var k : kindInput) {
            try {
                kinds.add(TimelineKind.valueOf(k.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                errors.put("kind", "Unknown type of entry: " + shorten(k) + ".");
            }
        }
        if (kinds.isEmpty()) {
            kinds = EnumSet.allOf(TimelineKind.class);
        }
        var fromDate = date("from", from, today, errors);
        var toDate = date("to", to, today, errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", "The end date must be on or after the start date.");
        }
        Instant cursor = null;
        if (before != null && !before.isBlank()) {
            try {
                cursor = Instant.parse(before.trim());
                // ISO reads years such as +1000000, which no timestamp column holds (a fuzz finding, ADR 029)
                if (cursor.isBefore(FIRST_CURSOR) || cursor.isAfter(LAST_CURSOR)) {
                    throw new DateTimeParseException("out of range", before, 0);
                }
            } catch (DateTimeParseException unreadable) {
                cursor = null;
                errors.put("before", "The link to older entries could not be read. Start again from the newest.");
            }
        }
        return new TimelineFilter(kindInput, text(from), text(to), text(before), Set.copyOf(kinds), fromDate, toDate,
                cursor, Map.copyOf(errors));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public boolean allKinds() {
        return kinds.size() == TimelineKind.values().length;
    }

    /** Ticked in the form: only what the reader ticked (an all-kinds view shows no ticks). */
    public boolean ticked(TimelineKind kind) {
        return kindInput.stream().anyMatch(k -> k.trim().equalsIgnoreCase(kind.name()));
    }

    /** For the audit entry: the filter without anything typed free-form. */
    String describe() {
        return "kinds=" + (allKinds() ? "ALL" : String.join(",", kinds.stream().sorted().map(Enum::name).toList()))
                + " from=" + (from == null ? "-" : from) + " to=" + (to == null ? "-" : to)
                + " before=" + (before == null ? "-" : before);
    }

    private static @Nullable LocalDate date(String field, @Nullable String input, LocalDate today,
            Map<String, String> errors) {
        if (input == null || input.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(input.trim());
        } catch (DateTimeParseException unreadable) {
            errors.put(field, "Enter a date as YYYY-MM-DD, for example " + today + ".");
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            errors.put(field, "Enter a date from " + EARLIEST.getYear() + " on.");
            return null;
        }
        if (date.isAfter(today.plusYears(1))) {
            errors.put(field, "Enter a date no more than a year from today.");
            return null;
        }
        return date;
    }

    private static String text(@Nullable String input) {
        return input == null ? "" : input.length() > 60 ? input.substring(0, 60) : input;
    }

    private static String shorten(String input) {
        return input.length() > 30 ? input.substring(0, 30) + "…" : input;
    }
}
