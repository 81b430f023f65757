// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The template rules: what a section may hold, what signing needs. Pure, so it is tested without a database. */
final class NoteRules {

    static final String READY = "READY";
    static final String NOT_YET_READY = "NOT_YET_READY";
    static final int REASON_MAX = 1000;
    static final int AMENDMENT_MAX = 4000;

    private NoteRules() {}

    /** The type's sections from what was sent, trimmed; unknown keys dropped. Refuses text that is too long. */
    static Map<String, String> clean(NoteType type, Map<String, String> sent) {
        var clean = new LinkedHashMap<String, String>();
        for (var s : type.sections()) {
            var text = strip(sent.get(s.key()));
            if (s.readiness()) {
                if (!text.isEmpty() && !text.equals(READY) && !text.equals(NOT_YET_READY)) {
                    throw new IllegalArgumentException(s.key() + ": choose ready or not yet ready.");
                }
                var reason = strip(sent.get(s.reasonKey()));
                if (reason.length() > s.maxLength()) {
                    throw new IllegalArgumentException(s.reasonKey() + ": use at most " + s.maxLength()
                            + " characters (" + reason.length() + " now).");
                }
                clean.put(s.reasonKey(), reason);
            } else if (text.length() > s.maxLength()) {
                throw new IllegalArgumentException(s.key() + ": use at most " + s.maxLength() + " characters ("
                        + text.length() + " now).");
            }
            clean.put(s.key(), text);
        }
        return clean;
    }

    /** What signing still needs, by field; empty when the note may be signed. */
    static Map<String, String> missing(NoteType type, Map<String, String> sections, boolean dosingSessionLinked) {
        var missing = new LinkedHashMap<String, String>();
        for (var s : type.sections()) {
            if (s.required() && sections.getOrDefault(s.key(), "").isBlank()) {
                missing.put(s.key(), s.readiness() ? "Choose ready or not yet ready before signing."
                        : "Fill in " + s.label().toLowerCase() + " before signing.");
            }
            if (s.readiness() && NOT_YET_READY.equals(sections.get(s.key()))
                    && sections.getOrDefault(s.reasonKey(), "").isBlank()) {
                missing.put(s.reasonKey(), "Say why the patient is not yet ready.");
            }
        }
        if (type == NoteType.INTEGRATION && !dosingSessionLinked) {
            missing.put("dosingSession", "Choose the dosing session this note integrates before signing.");
        }
        return missing;
    }

    static NoteIncomplete incomplete(NoteType type, Map<String, String> missing) {
        var labels = missing.keySet().stream().map(k -> type.sections().stream()
                        .filter(s -> s.key().equals(k) || s.reasonKey().equals(k)).findFirst()
                        .map(s -> k.equals(s.reasonKey()) ? s.label() + " (reason)" : s.label())
                        .orElse("dosing session"))
                .collect(Collectors.joining(", "));
        return new NoteIncomplete(missing, "Not signed: fill in " + labels + ".");
    }

    /** The note's first words, for lists and the timeline. */
    static String preview(NoteType type, Map<String, String> sections) {
        for (var s : type.sections()) {
            var text = sections.getOrDefault(s.key(), "");
            if (!s.readiness() && !text.isBlank()) {
                var flat = text.replaceAll("\\s+", " ").strip();
                return flat.length() <= 120 ? flat : flat.substring(0, 119).stripTrailing() + "…";
            }
        }
        return "";
    }

    static String required(String field, @Nullable String text, int max, String ask) {
        var value = strip(text);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + ": " + ask);
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + ": use at most " + max + " characters (" + value.length()
                    + " now).");
        }
        return value;
    }

    static String strip(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
