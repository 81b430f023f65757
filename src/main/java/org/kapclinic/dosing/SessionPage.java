// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kapclinic.controlledsubstances.Entry;
import org.kapclinic.controlledsubstances.LotOnHand;
import org.kapclinic.patients.PatientView;

/** Everything the session page shows, read in one audited call. */
public record SessionPage(DosingSession session, PatientView patient, String location, String chair,
        @Nullable GateStatus gate, List<Check> checks, List<Instant> devices, List<UrgentAlert> alerts,
        CheckClock.@Nullable Due due, @Nullable Instant nextDeviceAt, @Nullable Instant dischargeFrom, Instant now,
        List<String> observers, List<LotOnHand> lots, List<Entry> ledgerEntries) {

    public List<UrgentAlert> openAlerts() {
        return alerts.stream().filter(UrgentAlert::open).toList();
    }

    public long minutesSinceDose() {
        return session.minutesSinceDose(now);
    }

    public boolean mayDischargeNow() {
        return dischargeFrom != null && !now.isBefore(dischargeFrom);
    }
}
