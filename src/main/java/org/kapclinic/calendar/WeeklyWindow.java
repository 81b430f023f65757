// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * A recurring weekly window in the clinic's local time, such as "Tuesday 17:00–20:00": when a person can be reached or a
 * therapist can see clients. {@code to} is after {@code from}; windows do not cross midnight.
 */
public record WeeklyWindow(DayOfWeek day, LocalTime from, LocalTime to) implements Comparable<WeeklyWindow> {

    public WeeklyWindow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A window ends after it starts: " + from + "–" + to);
        }
    }

    /** Minutes this window shares with {@code other}; zero on different days or when they do not meet. */
    public long overlapMinutes(WeeklyWindow other) {
        if (day != other.day) {
            return 0;
        }
        var start = from.isAfter(other.from) ? from : other.from;
        var end = to.isBefore(other.to) ? to : other.to;
        return end.isAfter(start) ? java.time.Duration.between(start, end).toMinutes() : 0;
    }

    /** "Tue 17:00–20:00". */
    public String label() {
        return day.getDisplayName(TextStyle.SHORT, Locale.US) + " " + from + "–" + to;
    }

    /** Parses "TUE 17:00-20:00" (the form stored in the database); the day may be any case. */
    public static WeeklyWindow parse(String text) {
        var parts = text.trim().split("[ \\-–]+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a weekly window: " + text);
        }
        return new WeeklyWindow(dayOf(parts[0]), LocalTime.parse(parts[1]), LocalTime.parse(parts[2]));
    }

    /** "TUE 17:00-20:00". */
    public String storedForm() {
        return day.name().substring(0, 3) + " " + from + "-" + to;
    }

    /** MON, Tue, tuesday… */
    public static DayOfWeek dayOf(String text) {
        var upper = text.trim().toUpperCase(Locale.ROOT);
        for (var d : DayOfWeek.values()) {
            if (upper.length() >= 3 && d.name().startsWith(upper)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Not a day of the week: " + text);
    }

    @Override
    public int compareTo(WeeklyWindow o) {
        int c = day.compareTo(o.day);
        return c != 0 ? c : from.compareTo(o.from);
    }
}
