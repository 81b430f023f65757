// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.kapclinic.scheduling.Locations;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's ledger: four products (Spravato 28 mg device, ketamine HCl 50 mg/mL and 100 mg/mL vials counted in
 * mL, a 100 mg ketamine troche), and at each demo location an initial inventory 30 days ago and a receipt from a
 * synthetic distributor a week ago. Written through the same store and rules as real entries.
 */
@Component
class ControlledSubstancesDemoData implements DemoDataContributor {

    private static final String BY = "demo-generator";
    private static final Movement.Actor GENERATOR = new Movement.Actor(BY, "Demo generator (synthetic)");

    private final LedgerStore store;
    private final Locations locations;

    ControlledSubstancesDemoData(LedgerStore store, Locations locations) {
        this.store = store;
        this.locations = locations;
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public boolean holdsRealData() {
        return !store.products().isEmpty() && store.products().stream().anyMatch(p -> !p.name().endsWith("(demo)"));
    }

    @Override
    public String contribute(DemoContext context) {
        if (!store.products().isEmpty()) {
            return "controlled-substance ledger already set up";
        }
        var spravato = product(Substance.ESKETAMINE, "Spravato 28 mg nasal spray device (demo)", null,
                Unit.DEVICE, "28");
        var ketamine50 = product(Substance.KETAMINE, "Ketamine HCl 50 mg/mL, 10 mL vial (demo)", null, Unit.ML, "50");
        var ketamine100 = product(Substance.KETAMINE, "Ketamine HCl 100 mg/mL, 5 mL vial (demo)", null, Unit.ML, "100");
        var troche = product(Substance.KETAMINE, "Ketamine 100 mg troche, compounded (demo)", null, Unit.TROCHE, "100");
        var today = LocalDate.ofInstant(store.now(), java.time.ZoneOffset.UTC);
        int entries = 0;
        int n = 0;
        for (var place : locations.active()) {
            if (!place.name().endsWith("(demo)") || store.ledgerAt(place.id()).isPresent()) {
                continue;
            }
            n++;
            var opened = today.minusDays(30);
            store.openLedger(place.id(), opened, GENERATOR, "Initial inventory (synthetic demo data)");
            for (var line : List.of(new Object[] {spravato, "DEMO-SPR-" + n + "01", today.plusMonths(14), "12"},
                    new Object[] {ketamine50, "DEMO-K50-" + n + "01", today.plusMonths(9), "30"},
                    new Object[] {troche, "DEMO-TRO-" + n + "01", today.plusMonths(5), "20"})) {
                var lot = store.insertLot((Product) line[0], (String) line[1], (LocalDate) line[2], BY);
                store.append(Movement.of(EntryKind.INITIAL_INVENTORY, lot.id(), place.id(), new BigDecimal((String) line[3]),
                        opened, GENERATOR).with(new Entry.Details(null, null, "Safe A", null, false, null, null, null)),
                        lot.product().unit().plural());
                entries++;
            }
            var received = store.insertLot(ketamine100, "DEMO-K100-" + n + "01", today.plusMonths(18), BY);
            store.append(Movement.of(EntryKind.RECEIPT, received.id(), place.id(), new BigDecimal("25"),
                    today.minusDays(7), GENERATOR).with(new Entry.Details("Synthetic Specialty Distributor (demo)",
                            "DEMO-INV-" + (4100 + n), "Safe A", null, false, null, null, null)),
                    received.product().unit().plural());
            entries++;
        }
        return "4 controlled-substance products, " + entries + " ledger entries at " + n + " locations";
    }

    private Product product(Substance substance, String name, String ndc, Unit unit, String mg) {
        var p = new Product(UUID.randomUUID(), substance, name, ndc, unit, new BigDecimal(mg).setScale(2));
        store.insertProduct(p, BY);
        return p;
    }
}
