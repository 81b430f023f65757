// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.scheduling.Place;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * What every write to the ledger shares: who is recording, today in the clinic's zone, the checks that a location's
 * ledger is started and a lot exists, and appending an entry with its audit record (last, in the same transaction).
 */
@Component
class Recording {

    private final LedgerStore store;
    private final Locations locations;
    private final CurrentUser currentUser;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;

    Recording(LedgerStore store, Locations locations, CurrentUser currentUser, ClinicCalendar calendar, AuditTrail audit) {
        this.store = store;
        this.locations = locations;
        this.currentUser = currentUser;
        this.calendar = calendar;
        this.audit = audit;
    }

    LedgerStore store() {
        return store;
    }

    ClinicUser user() {
        return currentUser.get();
    }

    Movement.Actor actor() {
        var user = currentUser.get();
        return new Movement.Actor(user.email(), user.displayName());
    }

    ZoneId zone() {
        return calendar.zone();
    }

    LocalDate today() {
        return LocalDate.ofInstant(store.now(), zone());
    }

    Place location(@Nullable UUID id, String field) {
        if (id == null) {
            throw new IllegalArgumentException(field + ": choose a location.");
        }
        return locations.find(id).orElseThrow(() -> new IllegalArgumentException(field + ": no such location."));
    }

    /** A location whose ledger was started with its initial inventory. */
    Place started(@Nullable UUID id, String field) {
        var place = location(id, field);
        if (store.ledgerAt(place.id()).isEmpty()) {
            throw new IllegalArgumentException(field + ": the ledger at " + place.name() + " has not been started; "
                    + "record its initial inventory first (21 CFR 1304.11(b)).");
        }
        return place;
    }

    Lot lot(@Nullable UUID id, String field) {
        if (id == null) {
            throw new IllegalArgumentException(field + ": choose a lot.");
        }
        return store.lot(id).orElseThrow(() -> new IllegalArgumentException(field + ": no such lot."));
    }

    /** A date typed for something that happened: given, and not in the future. */
    LocalDate past(@Nullable LocalDate day, String field) {
        if (day == null) {
            throw new IllegalArgumentException(field + ": give the date as YYYY-MM-DD.");
        }
        if (day.isAfter(today())) {
            throw new IllegalArgumentException(field + ": that date is in the future.");
        }
        if (day.isBefore(today().minusYears(5))) {
            throw new IllegalArgumentException(field + ": that date is more than 5 years ago.");
        }
        return day;
    }

    Entry append(Movement m, Lot lot) {
        return store.append(m, lot.product().unit().plural());
    }

    /** The audit record for a written entry; call it after the last write of the transaction. */
    void audited(Entry e, Lot lot, String location) {
        audit.record(new AuditRecord("CS_" + e.kind().name() + "_RECORDED", AuditRecord.Outcome.SUCCESS, e.patientId(),
                "ControlledSubstanceEntry", e.id().toString(), "#" + e.number() + " " + lot.product().name() + " lot "
                        + lot.lotNumber() + " at " + location + ": " + e.delta().toPlainString() + " "
                        + lot.product().unit().plural() + ", balance " + e.balanceAfter().toPlainString()
                        + (e.flagged() ? ", discrepancy " + e.discrepancy().toPlainString() : "")));
    }

    void audit(AuditRecord record) {
        audit.record(record);
    }

    static @Nullable String optional(@Nullable String value, String field, int max) {
        var v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException(field + ": use at most " + max + " characters.");
        }
        return v.isEmpty() ? null : v;
    }

    static String required(@Nullable String value, String field, int max, String missing) {
        var v = optional(value, field, max);
        if (v == null) {
            throw new IllegalArgumentException(field + ": " + missing);
        }
        return v;
    }
}
