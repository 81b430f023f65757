// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kapclinic.dosing.rems.FormDefinition.Field;

/**
 * Reads one value for a field of the form: blank is "not given" (null); anything else is normalised (yes/no and
 * option values in lower case, dates as YYYY-MM-DD) or refused with a message for the clinician that names what to
 * type. The same check applies to what the session record sends and to what a clinician types.
 */
final class FieldValues {

    private FieldValues() {}

    /** The stored form of {@code raw}, or null when blank; {@link IllegalArgumentException} with the message if not valid. */
    static @Nullable String normalise(Field field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        var v = raw.strip();
        return switch (field.kind()) {
            case TEXT -> {
                if (v.length() > field.maxChars()) {
                    throw new IllegalArgumentException("Use at most " + field.maxChars() + " characters.");
                }
                if (field.pattern() != null && !Pattern.matches(field.pattern(), v)) {
                    throw new IllegalArgumentException("Give " + field.patternHint() + ".");
                }
                yield v;
            }
            case DATE -> {
                try {
                    var d = LocalDate.parse(v);
                    if (d.getYear() < 1900 || d.getYear() > 2200) {
                        throw new IllegalArgumentException("Check the year.");
                    }
                    yield d.toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Give a date as YYYY-MM-DD.");
                }
            }
            case TIME -> {
                try {
                    yield LocalTime.parse(v.length() == 4 ? "0" + v : v).withSecond(0).withNano(0).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Give a time as HH:MM, such as 09:40.");
                }
            }
            case YES_NO -> {
                var lower = v.toLowerCase(Locale.ROOT);
                if (lower.equals("yes") || lower.equals("y") || lower.equals("true")) {
                    yield "yes";
                }
                if (lower.equals("no") || lower.equals("n") || lower.equals("false")) {
                    yield "no";
                }
                throw new IllegalArgumentException("Answer Yes or No.");
            }
            case NUMBER -> {
                int n;
                try {
                    n = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Give a whole number.");
                }
                if (field.min() != null && n < field.min() || field.max() != null && n > field.max()) {
                    throw new IllegalArgumentException("Give a number from " + (field.min() == null ? "0" : field.min())
                            + " to " + (field.max() == null ? "any" : field.max()) + ".");
                }
                yield Integer.toString(n);
            }
            case CHOICE -> field.choices().stream().filter(o -> o.value().equalsIgnoreCase(v)).map(o -> o.value())
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("Choose one of the options."));
        };
    }

    /** True when {@code value} would be accepted as it is stored. */
    static boolean valid(Field field, @Nullable String value) {
        try {
            return value == null || value.equals(normalise(field, value));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** How a value reads on the page and the printed form: "Yes", "56 mg", the date as stored. */
    static String display(Field field, @Nullable String value) {
        if (value == null) {
            return "";
        }
        return switch (field.kind()) {
            case YES_NO -> "yes".equals(value) ? "Yes" : "no".equals(value) ? "No" : value;
            case CHOICE -> field.optionLabel(value);
            default -> value;
        };
    }
}
