// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's cohort filter as typed (kept for redisplay and in the address) and as read (ADR 022): modality,
 * protocol, therapist and location (each blank for all) and the period in which the course's first dose falls (clinic
 * days, both included). {@link #errors()} names each field that could not be read, with a message; an unknown id is
 * such an error, never a 500 and never silently "all".
 */
public record CohortFilter(Map<String, String> input, @Nullable String modality, @Nullable String protocol,
        @Nullable UUID therapist, @Nullable UUID location, LocalDate from, LocalDate to, Map<String, String> errors) {

    /** A choice offered in the form: the value sent and the label shown. */
    public record Option(String value, String label) {}

    /** What the form offers; a value outside these is refused. */
    public record Options(List<Option> modalities, List<Option> protocols, List<Option> therapists,
            List<Option> locations) {}

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    static CohortFilter read(@Nullable String modality, @Nullable String protocol, @Nullable String therapist,
            @Nullable String location, @Nullable String from, @Nullable String to, Options options, LocalDate today,
            LocalDate defaultFrom) {
        var errors = new LinkedHashMap<String, String>();
        var input = new LinkedHashMap<String, String>();
        input.put("modality", text(modality));
        input.put("protocol", text(protocol));
        input.put("therapist", text(therapist));
        input.put("location", text(location));
        input.put("from", text(from));
        input.put("to", text(to));
        var m = choice("modality", modality, options.modalities(), "Choose a modality from the list.", errors);
        var p = choice("protocol", protocol, options.protocols(), "Choose a protocol from the list.", errors);
        var t = choice("therapist", therapist, options.therapists(), "Choose a therapist from the list.", errors);
        var l = choice("location", location, options.locations(), "Choose a location from the list.", errors);
        var fromDate = date("from", from, today, errors);
        var toDate = date("to", to, today, errors);
        var lastDay = toDate == null ? today : toDate;
        var firstDay = fromDate == null ? defaultFrom : fromDate;
        if (!errors.containsKey("from") && !errors.containsKey("to") && lastDay.isBefore(firstDay)) {
            errors.put("to", "The end of the period must be on or after its start (" + firstDay + ").");
        }
        return new CohortFilter(Map.copyOf(input), m, p, t == null ? null : UUID.fromString(t),
                l == null ? null : UUID.fromString(l), firstDay, lastDay, Map.copyOf(errors));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public String typed(String field) {
        return input.getOrDefault(field, "");
    }

    /** For the audit entry and the CSV header: ids and dates only. */
    String describe() {
        return "modality=" + or(modality) + " protocol=" + or(protocol) + " therapist=" + or(therapist)
                + " location=" + or(location) + " from=" + from + " to=" + to;
    }

    /** The filter as query parameters, to keep it in links (CSV downloads). */
    public String query() {
        var q = new StringBuilder();
        input.entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(e -> !e.getValue().isBlank())
                .forEach(e -> q.append(q.isEmpty() ? "" : "&").append(e.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)));
        return q.toString();
    }

    private static String or(@Nullable Object v) {
        return v == null ? "ALL" : v.toString();
    }

    private static @Nullable String choice(String field, @Nullable String value, List<Option> options, String message,
            Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var v = value.trim();
        if (options.stream().noneMatch(o -> o.value().equals(v))) {
            errors.put(field, message);
            return null;
        }
        return v;
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
        if (date.isBefore(EARLIEST) || date.isAfter(today)) {
            errors.put(field, "Enter a date from " + EARLIEST + " to today (" + today + ").");
            return null;
        }
        return date;
    }

    /** Trimmed as the fields are read, then cut: padding must not push a valid value past the cut (a fuzz finding). */
    private static String text(@Nullable String input) {
        var trimmed = input == null ? "" : input.trim();
        return trimmed.length() > 60 ? trimmed.substring(0, 60) : trimmed;
    }
}
