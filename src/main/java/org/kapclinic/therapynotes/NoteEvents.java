// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.intake.CrisisScreened;

/** What the therapy-notes module tells the rest of the clinic. */
public final class NoteEvents {

    private NoteEvents() {}

    /**
     * A note was signed and locked. {@code type} is the {@code NoteType} name; {@code dosingSessionId} is set for an
     * integration or dosing-support note that names the dosing session it belongs to; {@code heldAt} is when the
     * session the note records took place (the appointment's start, or the signing time when there is none).
     */
    public record NoteSigned(UUID noteId, UUID patientId, String type, @Nullable UUID appointmentId,
            @Nullable UUID dosingSessionId, UUID authorId, Instant heldAt, Instant signedAt) {}

    /**
     * A patient wrote a reflection; {@code crisisFinding} is the intake crisis screen's finding name (POSITIVE,
     * NEGATED_MENTION or NONE) and {@code evidence} the phrases it matched. Safety raises an alert on POSITIVE, in the
     * same transaction that stored the reflection; it listens through intake's {@link CrisisScreened}, which this
     * record implements, because a listener on this type would make the module graph cyclic.
     */
    public record ReflectionSaved(UUID reflectionId, UUID patientId, String crisisFinding, String evidence,
            Instant at) implements CrisisScreened {

        @Override
        public String screenedSource() {
            return "REFLECTION";
        }

        @Override
        public UUID screenedSourceId() {
            return reflectionId;
        }
    }
}
