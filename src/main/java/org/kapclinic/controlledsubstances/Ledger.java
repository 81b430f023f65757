// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's own forms: starting the ledger at a location with its initial inventory, receipts, waste, transfers
 * between locations, theft and loss reports with their follow-up, counts, corrections and the resolution of
 * discrepancies. Nurses and prescribers record; a prescriber or admin resolves a discrepancy. Every entry is appended
 * (never changed) and audited in its transaction. Draws for dosing sessions come through {@link ControlledSubstances}.
 */
@Service
@Transactional
public class Ledger {

    static final String RESOLVERS = "hasAnyRole('PRESCRIBER', 'ADMIN')";

    /** A lot as typed on a form: product, lot number, expiry, quantity and where it is stored ("Safe A"). */
    public record StockLine(@Nullable UUID productId, @Nullable String lotNumber, @Nullable LocalDate expiry,
            @Nullable BigDecimal quantity, @Nullable String storage) {}

    /** A supplier's delivery: who, the invoice, the day it arrived (REFERENCE.md 3.6: keep invoices with the date). */
    public record Receipt(@Nullable String supplier, @Nullable String invoiceNumber, @Nullable LocalDate receivedOn) {}

    /** DEA Form 106's facts about a theft or loss. */
    public record LossReport(@Nullable LocalDate discoveredOn, @Nullable LossType type, @Nullable String description,
            @Nullable BigDecimal quantity, @Nullable String policeReport, @Nullable LocalDate deaNotifiedOn) {}

    private final Recording recording;
    private final ControlledSubstances substances;
    private final ControlledSubstanceSettings settings;
    private final LedgerAlerts alerts;

    Ledger(Recording recording, ControlledSubstances substances, ControlledSubstanceSettings settings,
            LedgerAlerts alerts) {
        this.recording = recording;
        this.substances = substances;
        this.settings = settings;
        this.alerts = alerts;
    }

    /** Starts the ledger at a location with nothing on hand: the initial inventory is zero (21 CFR 1304.11(b)). */
    @PreAuthorize(ControlledSubstances.RECORDERS)
    public void startEmpty(@Nullable UUID location, @Nullable LocalDate openedOn, @Nullable String note) {
        var place = recording.location(location, "location");
        var on = recording.past(openedOn, "openedOn");
        if (recording.store().ledgerAt(place.id()).isPresent()) {
            throw new IllegalArgumentException("location: the ledger at " + place.name() + " is already started.");
        }
        recording.store().openLedger(place.id(), on, recording.actor(), Recording.optional(note, "note", 1000));
        recording.audit(AuditRecord.success("CS_LEDGER_STARTED").about("Location", place.id().toString())
                .withDetails(place.name() + " on " + on + ", nothing on hand"));
    }

    /**
     * Adds a lot to the initial inventory of a location, starting its ledger on {@code openedOn} if this is the first.
     * Refused once anything else has been recorded there: later stock comes by receipt, or shows up in a count.
     */
    @PreAuthorize(ControlledSubstances.RECORDERS)
    public Entry initialInventory(@Nullable UUID location, StockLine line, @Nullable LocalDate openedOn) {
        var place = recording.location(location, "location");
        var store = recording.store();
        var ledger = store.ledgerAt(place.id());
        var on = ledger.isPresent() ? ledger.get().openedOn() : recording.past(openedOn, "openedOn");
        if (ledger.isPresent() && store.pastInitialInventory(place.id())) {
            throw new IllegalArgumentException("location: the ledger at " + place.name() + " started on " + on
                    + " and has later entries; record stock as a receipt, or record a count.");
        }
        var lot = lotFor(line, null);
        if (store.balance(lot.id(), place.id()).signum() != 0) {
            throw new IllegalArgumentException("lotNumber: lot " + lot.lotNumber() + " is already in this initial "
                    + "inventory.");
        }
        if (ledger.isEmpty()) {
            store.openLedger(place.id(), on, recording.actor(), null);
        }
        var entry = recording.append(Movement.of(EntryKind.INITIAL_INVENTORY, lot.id(), place.id(), quantity(line), on,
                recording.actor()).with(stored(line)), lot);
        recording.audited(entry, lot, place.name());
        return entry;
    }

    /** Records stock received from a supplier into a location's ledger. */
    @PreAuthorize(ControlledSubstances.RECORDERS)
    public Entry receive(@Nullable UUID location, StockLine line, Receipt receipt) {
        var place = recording.started(location, "location");
        var supplier = Recording.required(receipt.supplier(), "supplier", 200, "name the supplier.");
        var invoice = Recording.required(receipt.invoiceNumber(), "invoiceNumber", 60, "give the invoice number.");
        var on = recording.past(receipt.receivedOn(), "receivedOn");
        var lot = lotFor(line, on);
        var details = new Entry.Details(supplier, invoice, storage(line), null, false, null, null, null);
        var entry = recording.append(Movement.of(EntryKind.RECEIPT, lot.id(), place.id(), quantity(line), on,
                recording.actor()).with(details), lot);
        recording.audited(entry, lot, place.name());
        return entry;
    }

    /** Witnessed waste not tied to a dosing session (a broken vial, a dropped device). */
    @PreAuthorize(ControlledSubstances.RECORDERS)
    public Entry waste(@Nullable UUID location, @Nullable UUID lot, @Nullable BigDecimal quantity, @Nullable String reason,
            WitnessSignature witness) {
        return substances.waste(location, lot, quantity, reason, witness, null, null);
    }

    /** Moves stock of a lot from one location to another: an out entry there and an in entry here, one group. */
    @PreAuthorize(ControlledSubstances.RECORDERS)
    public List<Entry> transfer(@Nullable UUID lotId, @Nullable UUID from, @Nullable UUID to, @Nullable BigDecimal quantity,
            @Nullable String storage, @Nullable String note) {
        var source = recording.started(from, "location");
        var destination = recording.started(to, "destination");
        if (source.id().equals(destination.id())) {
            throw new IllegalArgumentException("destination: choose another location than the one it leaves.");
        }
        var lot = recording.lot(lotId, "lot");
        var where = Recording.required(storage, "storage", 120, "say where it will be stored there (for example, Safe A).");
        var n = Recording.optional(note, "note", 1000);
        var group = UUID.randomUUID();
        var today = recording.today();
        var amount = quantity == null ? null : LedgerRules.quantity("quantity", quantity, false);
        if (amount == null) {
            throw new IllegalArgumentException("quantity: give the quantity to transfer.");
        }
        var out = recording.append(Movement.of(EntryKind.TRANSFER_OUT, lot.id(), source.id(), amount, today,
                recording.actor()).between(destination.id(), group).with(Entry.Details.note(n)), lot);
        var in = recording.append(Movement.of(EntryKind.TRANSFER_IN, lot.id(), destination.id(), amount, today,
                recording.actor()).between(source.id(), group)
                .with(new Entry.Details(null, null, where, null, false, null, null, n)), lot);
        recording.audited(out, lot, source.name());
        recording.audited(in, lot, destination.name());
        return List.of(out, in);
    }

    /**
     * Reports a theft or significant loss (DEA Form 106 fields): takes the quantity off the book and emails admins and
     * prescribers the deadlines (DEA notice within 1 business day of discovery; Form 106 by the configured days).
     */
    @PreAuthorize(ControlledSubstances.RECORDERS)
    public Entry reportLoss(@Nullable UUID lotId, @Nullable UUID location, LossReport report) {
        var place = recording.started(location, "location");
        var lot = recording.lot(lotId, "lot");
        var discovered = recording.past(report.discoveredOn(), "discoveredOn");
        if (report.type() == null) {
            throw new IllegalArgumentException("type: choose the type of theft or loss.");
        }
        var description = Recording.required(report.description(), "description", 1000,
                "describe what happened and how it was found.");
        var police = Recording.optional(report.policeReport(), "policeReport", 60);
        var notified = report.deaNotifiedOn() == null ? null : recording.past(report.deaNotifiedOn(), "deaNotifiedOn");
        if (notified != null && notified.isBefore(discovered)) {
            throw new IllegalArgumentException("deaNotifiedOn: the notice cannot come before the discovery.");
        }
        if (report.quantity() == null) {
            throw new IllegalArgumentException("quantity: give the quantity lost.");
        }
        var details = new Entry.Details(null, null, null, null, false, report.type().name(), police, description);
        var entry = recording.append(Movement.of(EntryKind.LOSS, lot.id(), place.id(), report.quantity(), discovered,
                recording.actor()).with(details), lot);
        if (notified != null) {
            recording.store().insertFollowUp(entry.id(), notified, null, null, recording.actor());
        }
        alerts.loss(place.name(), LedgerRules.deaNoticeDue(discovered), form106Due(discovered));
        recording.audited(entry, lot, place.name());
        return entry;
    }

    LocalDate form106Due(LocalDate discovered) {
        return discovered.plusDays(settings.form106CompletionDays());
    }

    /** Records that the DEA field office was notified and/or Form 106 was filed for a reported loss. */
    @PreAuthorize("hasAnyRole('NURSE', 'PRESCRIBER', 'ADMIN')")
    public void followUpLoss(UUID loss, @Nullable LocalDate deaNotifiedOn, @Nullable LocalDate form106FiledOn,
            @Nullable String note) {
        var row = recording.store().entry(loss).filter(r -> r.entry().kind() == EntryKind.LOSS)
                .orElseThrow(() -> new IllegalArgumentException("loss: no such loss report."));
        if (deaNotifiedOn == null && form106FiledOn == null) {
            throw new IllegalArgumentException("deaNotifiedOn: give the day the DEA was notified or Form 106 was filed.");
        }
        var discovered = row.entry().occurredOn();
        for (var pair : List.of(Map.entry("deaNotifiedOn", java.util.Optional.ofNullable(deaNotifiedOn)),
                Map.entry("form106FiledOn", java.util.Optional.ofNullable(form106FiledOn)))) {
            if (pair.getValue().isPresent()) {
                recording.past(pair.getValue().get(), pair.getKey());
                if (pair.getValue().get().isBefore(discovered)) {
                    throw new IllegalArgumentException(pair.getKey() + ": that is before the loss was discovered ("
                            + discovered + ").");
                }
            }
        }
        recording.store().insertFollowUp(loss, deaNotifiedOn, form106FiledOn, Recording.optional(note, "note", 1000),
                recording.actor());
        recording.audit(AuditRecord.success("CS_LOSS_FOLLOWED_UP").about("ControlledSubstanceEntry", loss.toString())
                .withDetails("DEA notified " + deaNotifiedOn + ", Form 106 filed " + form106FiledOn));
    }

    /**
     * Records a count of the lots at a location ({@code counted}: lot id to the quantity counted; lots left out were
     * not counted). Each count sets the book to what was counted; a difference is a flagged discrepancy until resolved.
     * A biennial inventory must count every lot on hand (21 CFR 1304.11(c)); {@code estimated} marks opened containers
     * counted by estimate (1304.11(e)(3)).
     */
    @PreAuthorize(ControlledSubstances.RECORDERS)
    public List<Entry> count(@Nullable UUID location, @Nullable CountKind kind, Map<UUID, BigDecimal> counted,
            Set<UUID> estimated, @Nullable String note) {
        var place = recording.started(location, "location");
        if (kind == null) {
            throw new IllegalArgumentException("kind: choose a periodic count or the biennial inventory.");
        }
        if (counted.isEmpty()) {
            throw new IllegalArgumentException("counted: enter the quantity counted for at least one lot.");
        }
        var n = Recording.optional(note, "note", 1000);
        var store = recording.store();
        if (kind == CountKind.BIENNIAL) {
            for (var b : store.balancesAt(place.id())) {
                if (b.balance().signum() != 0 && !counted.containsKey(b.lot().id())) {
                    throw new CountLineRefused(b.lot().id(), "a biennial inventory counts every lot on hand; lot "
                            + b.lot().lotNumber() + " is missing.");
                }
            }
        }
        var group = UUID.randomUUID();
        var written = new ArrayList<Entry>();
        var lots = new ArrayList<Lot>();
        for (var c : counted.entrySet()) {
            var lot = recording.lot(c.getKey(), "counted");
            var details = new Entry.Details(null, null, null, kind.name(), estimated.contains(lot.id()), null, null, n);
            try {
                written.add(recording.append(Movement.of(EntryKind.COUNT, lot.id(), place.id(), c.getValue(),
                        recording.today(), recording.actor()).grouped(group).with(details), lot));
            } catch (IllegalArgumentException e) {
                throw new CountLineRefused(lot.id(), org.kapclinic.web.FieldMessage.of(e, "counted").message());
            }
            lots.add(lot);
        }
        int flagged = (int) written.stream().filter(Entry::flagged).count();
        if (flagged > 0) {
            alerts.discrepancy(place.name(), flagged);
        }
        for (int i = 0; i < written.size(); i++) {
            recording.audited(written.get(i), lots.get(i), place.name());
        }
        return written;
    }

    /**
     * Corrects an entry: a new entry at the same lot and location that names it, with a signed adjustment (zero when
     * only a detail was wrong) and why. Refused if it would take the balance below zero.
     */
    @PreAuthorize(ControlledSubstances.RECORDERS)
    public Entry correct(UUID entryId, @Nullable BigDecimal adjustment, @Nullable String reason) {
        var target = recording.store().entry(entryId)
                .orElseThrow(() -> new IllegalArgumentException("entry: no such entry."));
        var why = Recording.required(reason, "reason", 1000, "say what was wrong and what is right.");
        if (adjustment == null) {
            throw new IllegalArgumentException("adjustment: give the change to the balance (0 if only a detail was "
                    + "wrong; negative to take off, positive to add back).");
        }
        var e = target.entry();
        var place = recording.location(e.locationId(), "entry");
        var entry = recording.append(Movement.of(EntryKind.CORRECTION, e.lotId(), e.locationId(), adjustment,
                recording.today(), recording.actor()).correcting(e.id()).forSession(e.sessionId(), e.patientId())
                .with(Entry.Details.note(why)), target.lot());
        recording.audited(entry, target.lot(), place.name());
        return entry;
    }

    /** Resolves a count's discrepancy with the reason found (a prescriber or an admin). */
    @PreAuthorize(RESOLVERS)
    public Entry resolve(UUID countEntry, @Nullable String reason) {
        var target = recording.store().entry(countEntry)
                .filter(r -> r.entry().kind() == EntryKind.COUNT && r.entry().flagged())
                .orElseThrow(() -> new IllegalArgumentException("reason: that is not a count with a discrepancy."));
        if (recording.store().resolutionsOf(List.of(countEntry)).containsKey(countEntry)) {
            throw new IllegalArgumentException("reason: this discrepancy is already resolved.");
        }
        var why = Recording.required(reason, "reason", 1000, "say what explains the difference.");
        var e = target.entry();
        var place = recording.location(e.locationId(), "entry");
        var entry = recording.append(Movement.of(EntryKind.RESOLUTION, e.lotId(), e.locationId(), BigDecimal.ZERO,
                recording.today(), recording.actor()).resolving(e.id()).with(Entry.Details.note(why)), target.lot());
        recording.audited(entry, target.lot(), place.name());
        return entry;
    }

    private Lot lotFor(StockLine line, @Nullable LocalDate receivedOn) {
        if (line.productId() == null) {
            throw new IllegalArgumentException("productId: choose the product.");
        }
        var product = recording.store().product(line.productId())
                .orElseThrow(() -> new IllegalArgumentException("productId: no such product."));
        var number = Recording.required(line.lotNumber(), "lotNumber", 40, "give the lot number on the package.");
        if (!number.matches("[A-Za-z0-9][A-Za-z0-9 ./-]*")) {
            throw new IllegalArgumentException("lotNumber: use letters, digits, spaces, dots, slashes and dashes.");
        }
        if (line.expiry() == null) {
            throw new IllegalArgumentException("expiry: give the expiry date as YYYY-MM-DD.");
        }
        if (receivedOn != null && line.expiry().isBefore(receivedOn)) {
            throw new IllegalArgumentException("expiry: the lot had expired before it was received.");
        }
        var existing = recording.store().lot(product.id(), number);
        if (existing.isPresent()) {
            if (!existing.get().expiry().equals(line.expiry())) {
                throw new IllegalArgumentException("expiry: lot " + number + " of " + product.name()
                        + " is on file with expiry " + existing.get().expiry() + ".");
            }
            return existing.get();
        }
        return recording.store().insertLot(product, number, line.expiry(), recording.actor().email());
    }

    private static BigDecimal quantity(StockLine line) {
        return LedgerRules.quantity("quantity", line.quantity(), false);
    }

    private static Entry.Details stored(StockLine line) {
        return new Entry.Details(null, null, storage(line), null, false, null, null, null);
    }

    private static String storage(StockLine line) {
        return Recording.required(line.storage(), "storage", 120, "say where it is stored (for example, Safe A).");
    }
}
