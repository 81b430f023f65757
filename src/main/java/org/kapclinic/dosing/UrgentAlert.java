// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An urgent alert raised by a check (possible respiratory depression), open until a clinician acknowledges it. */
public record UrgentAlert(UUID id, UUID sessionId, String kind, String detail, Instant raisedAt,
        @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable String response) {

    public boolean open() {
        return acknowledgedAt == null;
    }
}
