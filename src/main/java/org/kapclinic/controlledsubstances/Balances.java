// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Running balances from entries, pure: the balance of a lot at a location is the sum of its entries' deltas. */
final class Balances {

    record Key(UUID lotId, UUID locationId) {}

    private Balances() {}

    static Map<Key, BigDecimal> of(Collection<Entry> entries) {
        var balances = new LinkedHashMap<Key, BigDecimal>();
        for (var e : entries) {
            balances.merge(new Key(e.lotId(), e.locationId()), e.delta(), BigDecimal::add);
        }
        balances.replaceAll((k, v) -> v.setScale(LedgerRules.SCALE));
        return balances;
    }

    static BigDecimal of(Collection<Entry> entries, UUID lotId, UUID locationId) {
        return of(entries).getOrDefault(new Key(lotId, locationId), BigDecimal.ZERO.setScale(LedgerRules.SCALE));
    }
}
