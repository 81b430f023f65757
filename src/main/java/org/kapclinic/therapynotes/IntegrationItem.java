// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An integration session owed after one dosing session that gave a dose: due {@code windowHours} after the session
 * ended. {@code state} is what is stored (OPEN, DONE, NOT_NEEDED); {@link #statusAt} adds the clock.
 */
public record IntegrationItem(UUID id, UUID patientId, UUID dosingSessionId, Instant endedAt, Instant dueAt,
        int windowHours, WindowSource windowSource, @Nullable UUID therapistId, State state, @Nullable Instant doneAt,
        @Nullable UUID noteId, @Nullable Instant closedAt, @Nullable String closedBy, @Nullable String closeReason,
        Instant createdAt) {

    public enum State { OPEN, DONE, NOT_NEEDED }

    /** Where the window came from: the patient's plan (its protocol) or the clinic's default setting. */
    public enum WindowSource { PROTOCOL, SETTING }

    /** Open and past due is overdue: at {@code dueAt} exactly it is still due. Done on time means held by due. */
    public IntegrationStatus statusAt(Instant now) {
        return statusAt(state, dueAt, doneAt, now);
    }

    /** The same rule from the stored columns alone (for counts that read only those). */
    static IntegrationStatus statusAt(State state, Instant dueAt, @Nullable Instant doneAt, Instant now) {
        return switch (state) {
            case OPEN -> now.isAfter(dueAt) ? IntegrationStatus.OVERDUE : IntegrationStatus.DUE;
            case DONE -> doneAt != null && !doneAt.isAfter(dueAt) ? IntegrationStatus.DONE_ON_TIME
                    : IntegrationStatus.DONE_LATE;
            case NOT_NEEDED -> IntegrationStatus.NOT_NEEDED;
        };
    }
}
