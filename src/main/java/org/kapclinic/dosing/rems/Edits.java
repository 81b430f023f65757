// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a clinician sent from the form page: each field's value as typed ({@code now}) next to the value the page
 * showed ({@code was}), so only the fields the clinician changed count as changes, even if the session record updated
 * other fields in the meantime; and the reason given for overriding the session record or for an amendment.
 */
public record Edits(Map<String, @Nullable String> now, Map<String, @Nullable String> was, @Nullable String reason) {

    static final String WAS = "was.";

    /** Reads a posted form: field keys (dotted), {@code was.<key>}, and the reason under {@code reasonField}. */
    public static Edits from(Map<String, String> form, String reasonField) {
        var now = new HashMap<String, @Nullable String>();
        var was = new HashMap<String, @Nullable String>();
        form.forEach((k, v) -> {
            if (k.startsWith(WAS)) {
                was.put(k.substring(WAS.length()), v);
            } else if (FormDefinitionValidation.KEY.matcher(k).matches()) {
                now.put(k, v);
            }
        });
        return new Edits(now, was, form.get(reasonField));
    }

    /**
     * The fields whose typed value differs from what the page showed, with the typed value (raw; blank is "cleared").
     * A field that was on the page but not sent (an unanswered radio) counts as blank.
     */
    Map<String, @Nullable String> changed() {
        var changed = new LinkedHashMap<String, @Nullable String>();
        was.forEach((key, shown) -> {
            var typed = now.get(key);
            if (!Objects.equals(blankToNull(typed), blankToNull(shown))) {
                changed.put(key, typed);
            }
        });
        return changed;
    }

    String reasonText() {
        return reason == null ? "" : reason.strip();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
