// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;

/**
 * An approved plan changed: an item was moved (the old item is replaced by a new one at {@code at}), cancelled, or
 * added; or the plan ended (every future session of it is off). Scheduling follows, in the same transaction.
 */
public record PlanChanged(PatientId patient, UUID plan, Change change, @Nullable UUID oldItem, @Nullable UUID newItem,
        @Nullable Instant at, String reason) {

    public enum Change { MOVED, CANCELLED, ADDED, ENDED }
}
