// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.scheduling.Place;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the ledger's pages show: a location's stock, recent entries, open discrepancies and loss reports, a lot's full
 * history. Entries name patients (the dispensing log), so every view records one audit entry per patient shown.
 */
@Service
@Transactional // not read-only: the reads are audited
public class LedgerViews {

    /** An entry as a page shows it: with its lot, the patient's label, and the location names. */
    public record Line(Entry entry, Lot lot, @Nullable String patient, String location, @Nullable String otherLocation,
            @Nullable Line resolution) {

        public String unit() {
            return lot.product().unit().plural();
        }
    }

    /** A lot's balance at a location and where it is kept. */
    public record Stock(Lot lot, BigDecimal balance, @Nullable String storage, boolean expired) {}

    /** A theft or loss report with where its DEA notice and Form 106 stand. */
    public record Loss(Line line, LocalDate noticeDue, LocalDate form106Due, @Nullable LocalDate deaNotifiedOn,
            @Nullable LocalDate form106FiledOn) {

        public boolean open() {
            return deaNotifiedOn == null || form106FiledOn == null;
        }
    }

    public record Dashboard(List<Place> locations, @Nullable Place place, @Nullable LocalDate startedOn,
            @Nullable String startedBy, boolean initialInventoryOpen, List<Stock> stock, List<Line> recent,
            List<Line> discrepancies, List<Loss> losses, @Nullable LocalDate biennialDue, LocalDate today) {

        public boolean started() {
            return startedOn != null;
        }
    }

    public record LotHistory(Lot lot, List<Line> lines, Map<String, BigDecimal> balances) {}

    private final Recording recording;
    private final Locations locations;
    private final PatientLabels patientLabels;
    private final Ledger ledger;

    LedgerViews(Recording recording, Locations locations, PatientLabels patientLabels, Ledger ledger) {
        this.recording = recording;
        this.locations = locations;
        this.patientLabels = patientLabels;
        this.ledger = ledger;
    }

    /** A location's page (the first active location when none is asked for). */
    @PreAuthorize(ControlledSubstances.VIEWERS)
    public Dashboard dashboard(@Nullable UUID location) {
        var places = locations.active();
        var place = location == null ? places.stream().findFirst().orElse(null)
                : locations.find(location).orElse(null);
        var today = recording.today();
        if (place == null) {
            return new Dashboard(places, null, null, null, false, List.of(), List.of(), List.of(), List.of(), null, today);
        }
        var store = recording.store();
        var started = store.ledgerAt(place.id());
        var stock = store.balancesAt(place.id()).stream()
                .filter(b -> b.balance().signum() != 0)
                .map(b -> new Stock(b.lot(), b.balance(), b.storage(), b.lot().expiredOn(today))).toList();
        var rows = new ArrayList<LedgerStore.EntryRow>();
        var recent = store.recentAt(place.id(), 25);
        var discrepancies = store.openDiscrepancies(place.id());
        var losses = store.losses(place.id());
        rows.addAll(recent);
        rows.addAll(discrepancies);
        rows.addAll(losses);
        var labels = labels(rows, "controlled-substances page, " + place.name());
        var followUps = store.followUps(losses.stream().map(r -> r.entry().id()).toList());
        var lossViews = losses.stream().map(r -> {
            var f = followUps.get(r.entry().id());
            return new Loss(line(r, labels, null), LedgerRules.deaNoticeDue(r.entry().occurredOn()),
                    ledger.form106Due(r.entry().occurredOn()), f == null ? null : f.deaNotifiedOn(),
                    f == null ? null : f.form106FiledOn());
        }).filter(l -> l.open() || l.line().entry().occurredOn().isAfter(today.minusDays(90))).toList();
        var biennialDue = started.map(s -> store.lastBiennialCount(place.id()).orElse(s.openedOn()).plusYears(2))
                .orElse(null);
        return new Dashboard(places, place, started.map(LedgerStore.LocationLedger::openedOn).orElse(null),
                started.map(LedgerStore.LocationLedger::openedByName).orElse(null),
                started.isPresent() && !store.pastInitialInventory(place.id()), stock,
                recent.stream().map(r -> line(r, labels, null)).toList(),
                discrepancies.stream().map(r -> line(r, labels, null)).toList(), lossViews, biennialDue, today);
    }

    /** Every entry of a lot at every location, oldest first, with each count's resolution. */
    @PreAuthorize(ControlledSubstances.VIEWERS)
    public LotHistory history(UUID lotId) {
        var lot = recording.lot(lotId, "lot");
        var store = recording.store();
        var rows = store.history(lot.id());
        var counts = rows.stream().filter(r -> r.entry().flagged()).map(r -> r.entry().id()).toList();
        var resolutions = store.resolutionsOf(counts);
        var labels = labels(rows, "lot history, lot " + lot.lotNumber());
        var lines = rows.stream().map(r -> line(r, labels, resolutions.get(r.entry().id()))).toList();
        var balances = new java.util.TreeMap<String, BigDecimal>();
        Balances.of(rows.stream().map(LedgerStore.EntryRow::entry).toList())
                .forEach((k, v) -> balances.put(name(k.locationId()), v));
        return new LotHistory(lot, lines, balances);
    }

    /** One entry, for the correction form. */
    @PreAuthorize(ControlledSubstances.VIEWERS)
    public Line entry(UUID id) {
        var row = recording.store().entry(id).orElseThrow(() -> new IllegalArgumentException("entry: no such entry."));
        return line(row, labels(List.of(row), "entry #" + row.entry().number()), null);
    }

    /** Locations whose ledger has started: where stock can be transferred. */
    @PreAuthorize(ControlledSubstances.VIEWERS)
    @Transactional(readOnly = true)
    public List<Place> startedLocations() {
        var started = recording.store().ledgers().keySet();
        return locations.active().stream().filter(p -> started.contains(p.id())).toList();
    }

    @PreAuthorize(ControlledSubstances.VIEWERS)
    @Transactional(readOnly = true)
    public List<Place> locations() {
        return locations.active();
    }

    /** Any location, retired ones included: their records are kept and reported on. */
    @PreAuthorize(ControlledSubstances.VIEWERS)
    @Transactional(readOnly = true)
    public java.util.Optional<Place> place(UUID id) {
        return locations.find(id);
    }

    @PreAuthorize(ControlledSubstances.VIEWERS)
    @Transactional(readOnly = true)
    public Lot lot(UUID id) {
        return recording.lot(id, "lot");
    }

    Line line(LedgerStore.EntryRow r, Map<UUID, String> labels, LedgerStore.@Nullable EntryRow resolution) {
        var e = r.entry();
        return new Line(e, r.lot(), e.patientId() == null ? null : labels.get(e.patientId()), name(e.locationId()),
                e.otherLocationId() == null ? null : name(e.otherLocationId()),
                resolution == null ? null : line(resolution, labels, null));
    }

    /** Location names, read once per request (retired locations too: old entries name them). */
    private final ThreadLocal<Map<UUID, String>> names = new ThreadLocal<>();

    private String name(UUID location) {
        var map = names.get();
        if (map == null || !map.containsKey(location)) {
            map = new java.util.HashMap<>();
            for (var p : locations.active()) {
                map.put(p.id(), p.name());
            }
            if (!map.containsKey(location)) {
                map.put(location, locations.find(location).map(Place::name).orElse(location.toString()));
            }
            names.set(map);
        }
        return map.get(location);
    }

    private Map<UUID, String> labels(Collection<LedgerStore.EntryRow> rows, String where) {
        return patientLabels.label(rows, "CS_LEDGER_VIEWED", where);
    }
}
