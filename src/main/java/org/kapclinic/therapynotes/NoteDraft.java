// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the note form sends: section texts by key, the measures ticked, the linked appointment and dosing session, and
 * the version the writer started from (so a second tab cannot overwrite the first).
 */
public record NoteDraft(Map<String, String> sections, List<UUID> measureIds, @Nullable UUID appointmentId,
        @Nullable UUID dosingSessionId, long version) {

    public NoteDraft {
        sections = new LinkedHashMap<>(sections);
        measureIds = List.copyOf(measureIds);
    }
}
