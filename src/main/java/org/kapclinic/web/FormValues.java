// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a form sent, as typed, into values; a value that cannot be read becomes a refusal that names its field
 * ("date: give a date as YYYY-MM-DD."), which the page shows next to that field. Blank means "not given" (null).
 */
public final class FormValues {

    private FormValues() {}

    public static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String field, @Nullable String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": choose one of the options.");
        }
    }

    public static <E extends Enum<E>> @Nullable E optionalChoice(Class<E> type, String field, @Nullable String value) {
        return blank(value) ? null : choice(type, field, value);
    }

    private static final java.util.regex.Pattern ISO_DATE_AS_TYPED = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public static @Nullable LocalDate date(String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": give a date as YYYY-MM-DD.");
        }
        // ISO also reads "+10000-01-01", "-0001-01-01" and "+01000-01-01": years no date column holds, or a date that
        // is not what was typed (fuzz findings, ADR 029). Only YYYY-MM-DD from year 1.
        if (!ISO_DATE_AS_TYPED.matcher(value.strip()).matches() || date.getYear() < 1) {
            throw new IllegalArgumentException(field + ": give a date as YYYY-MM-DD.");
        }
        return date;
    }

    public static @Nullable LocalTime time(String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": give a time as HH:MM.");
        }
    }

    public static @Nullable Integer integer(String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": give a whole number.");
        }
    }

    public static @Nullable BigDecimal decimal(String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": give a number, such as 150 or 37.5.");
        }
    }

    public static @Nullable UUID id(String field, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": choose one of the options.");
        }
    }
}
