// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What happened, as a module describes it: an action name (UPPER_SNAKE, owned by the module that performs it), its
 * outcome, and what it touched. Who, when and from where are added by {@link AuditTrail}. Details must carry no PHI
 * beyond identifiers.
 */
public record AuditRecord(
        String action,
        Outcome outcome,
        @Nullable UUID patientId,
        @Nullable String entityType,
        @Nullable String entityId,
        @Nullable String details) {

    public AuditRecord {
        if (!action.matches("[A-Z][A-Z0-9_]{1,59}")) {
            throw new IllegalArgumentException("audit action must be UPPER_SNAKE: " + action);
        }
        if (entityId != null && entityId.length() > 100) {
            entityId = entityId.substring(0, 99) + "…"; // the column's width: a long URL must not turn a refusal into a 500
        }
        if (details != null && details.length() > 1000) {
            details = details.substring(0, 1000);
        }
    }

    public enum Outcome { SUCCESS, FAILURE, DENIED }

    public static AuditRecord success(String action) {
        return new AuditRecord(action, Outcome.SUCCESS, null, null, null, null);
    }

    public static AuditRecord patient(String action, UUID patientId) {
        return new AuditRecord(action, Outcome.SUCCESS, patientId, "Patient", patientId.toString(), null);
    }

    public AuditRecord withDetails(@Nullable String newDetails) {
        return new AuditRecord(action, outcome, patientId, entityType, entityId, newDetails);
    }

    public AuditRecord withOutcome(Outcome newOutcome) {
        return new AuditRecord(action, newOutcome, patientId, entityType, entityId, details);
    }

    public AuditRecord about(String type, String id) {
        return new AuditRecord(action, outcome, patientId, type, id, details);
    }
}
