// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;

/**
 * A therapy note: its type and sections, the appointment it records ({@code heldAt} is that appointment's start), the
 * dosing session an integration or dosing-support note belongs to, the measures ticked while drafting and, once
 * signed, their snapshot. {@code version} guards drafts against two tabs overwriting each other.
 */
public record Note(NoteId id, PatientId patientId, NoteType type, NoteStatus status, @Nullable UUID appointmentId,
        @Nullable Instant heldAt, @Nullable UUID dosingSessionId, UUID authorId, String authorName,
        Map<String, String> sections, List<UUID> measureIds, List<NoteMeasure> measures, String preview,
        Instant createdAt, Instant updatedAt, @Nullable Instant signedAt, @Nullable String signedBy, long version) {

    public boolean signed() {
        return status == NoteStatus.SIGNED;
    }

    public String section(String key) {
        return sections.getOrDefault(key, "");
    }

    /** When the session it records took place: the appointment's start, else when it was signed, else started. */
    public Instant when() {
        return heldAt != null ? heldAt : signedAt != null ? signedAt : createdAt;
    }
}
