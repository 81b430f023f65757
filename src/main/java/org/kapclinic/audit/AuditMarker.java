// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Marks the signed-in user's audit entries about a patient when they act under a special access mode (break-glass,
 * ADR 027). The mark is appended to the entry's roles (e.g. {@code PRESCRIBER,BREAK_GLASS}) before the entry is hashed,
 * so the chain stays valid and the report shows it. Implemented by the module that owns the mode; runs in the entry's
 * transaction.
 */
public interface AuditMarker {

    /** The mark for an entry by the signed-in user about this patient, or null for none. */
    @Nullable String markFor(UUID patientId);
}
