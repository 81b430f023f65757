// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One stored audit entry, as read back for reports and verification. */
public record AuditEntry(
        long seq,
        UUID id,
        Instant occurredAt,
        String username,
        String roles,
        String action,
        String outcome,
        @Nullable UUID patientId,
        @Nullable String entityType,
        @Nullable String entityId,
        @Nullable String clientIp,
        @Nullable String details,
        String prevHash,
        String hash) {}
