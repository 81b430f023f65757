// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A question a therapist asks one patient to reflect on; retired prompts stay with the answers given. */
public record ReflectionPrompt(UUID id, UUID patientId, String prompt, Instant createdAt, String createdBy,
        @Nullable Instant retiredAt) {

    public boolean active() {
        return retiredAt == null;
    }
}
