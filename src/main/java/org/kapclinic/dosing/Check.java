// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A recorded check: pre-dose vitals, a monitoring check, or the check before discharge. */
public record Check(UUID id, UUID sessionId, Phase phase, Instant takenAt, Vitals vitals, @Nullable Integer moaas,
        @Nullable Dissociation dissociation, Map<SideEffect, SideEffect.Severity> sideEffects,
        List<Intervention> interventions, List<String> flags, @Nullable String note, Instant recordedAt,
        String recordedBy) {

    public enum Phase { PRE_DOSE, MONITORING }

    public boolean flagged() {
        return !flags.isEmpty();
    }
}
