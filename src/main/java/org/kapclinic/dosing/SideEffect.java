// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Side effects recorded at a check, each with a severity (label adverse reactions, REFERENCE 1.6). */
public enum SideEffect {
    NAUSEA("Nausea"),
    VOMITING("Vomiting"),
    DIZZINESS("Dizziness"),
    BLURRED_VISION("Blurred vision"),
    VERTIGO("Vertigo"),
    NUMBNESS("Numbness/tingling"),
    DISSOCIATION("Dissociation"),
    ANXIETY("Anxiety"),
    HEADACHE("Headache"),
    ELEVATED_BP("Elevated BP"),
    OTHER("Other");

    public enum Severity { MILD, MODERATE, SEVERE }

    private final String label;

    SideEffect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The column text of a check's side effects: {@code "NAUSEA:MILD,DIZZINESS:MODERATE"}, null when none. */
    static @Nullable String encode(Map<SideEffect, Severity> effects) {
        return effects.isEmpty() ? null : effects.entrySet().stream()
                .map(e -> e.getKey().name() + ":" + e.getValue().name()).collect(Collectors.joining(","));
    }

    /** Reads {@link #encode}'s text back; null or blank is none. */
    static Map<SideEffect, Severity> decode(@Nullable String text) {
        var effects = new EnumMap<SideEffect, Severity>(SideEffect.class);
        if (text != null && !text.isBlank()) {
            for (var part : text.split(",")) {
                var colon = part.indexOf(':');
                effects.put(valueOf(part.substring(0, colon)), Severity.valueOf(part.substring(colon + 1)));
            }
        }
        return effects;
    }
}
