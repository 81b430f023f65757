// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An entry about to be written: what, which lot where, how much ({@link LedgerRules#apply} says what the amount means
 * per kind), on which day, by whom, and the links and details its kind carries.
 */
record Movement(EntryKind kind, UUID lotId, UUID locationId, BigDecimal amount, LocalDate occurredOn, Actor by,
        @Nullable Actor witness, @Nullable UUID sessionId, @Nullable UUID patientId, @Nullable UUID otherLocationId,
        @Nullable UUID groupId, @Nullable UUID correctsId, @Nullable UUID resolvesId, Entry.Details details) {

    /** Who recorded or witnessed an entry: the account's email and, for the printed log, its name at the time. */
    record Actor(String email, String name) {}

    static Movement of(EntryKind kind, UUID lotId, UUID locationId, BigDecimal amount, LocalDate occurredOn, Actor by) {
        return new Movement(kind, lotId, locationId, amount, occurredOn, by, null, null, null, null, null, null, null,
                Entry.Details.none());
    }

    Movement witnessedBy(Actor w) {
        return new Movement(kind, lotId, locationId, amount, occurredOn, by, w, sessionId, patientId, otherLocationId,
                groupId, correctsId, resolvesId, details);
    }

    Movement forSession(@Nullable UUID session, @Nullable UUID patient) {
        return new Movement(kind, lotId, locationId, amount, occurredOn, by, witness, session, patient, otherLocationId,
                groupId, correctsId, resolvesId, details);
    }

    Movement between(UUID otherLocation, UUID group) {
        return new Movement(kind, lotId, locationId, amount, occurredOn, by, witness, sessionId, patientId, otherLocation,
                group, correctsId, resolvesId, details);
    }

    Movement grouped(UUID group) {
        return new Movement(kind, lotId, locationId, amount, occurredOn, by, witness, sessionId, patientId,
                otherLocationId, group, correctsId, resolvesId, details);
    }

    Movement correcting(UUID entry) {
        return new Movement(kind, lotId, locationId, amount, occurredOn, by, witness, sessionId, patientId,
                otherLocationId, groupId, entry, resolvesId, details);
    }

    Movement resolving(UUID entry) {
        return new Movement(kind, lotId, locationId, amount, occurredOn, by, witness, sessionId, patientId,
                otherLocationId, groupId, correctsId, entry, details);
    }

    Movement with(Entry.Details d) {
        return new Movement(kind, lotId, locationId, amount, occurredOn, by, witness, sessionId, patientId,
                otherLocationId, groupId, correctsId, resolvesId, d);
    }
}
