// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kapclinic.scheduling.Place;

/**
 * A location's reconciliation for a period (days in the clinic's zone, inclusive): per lot the opening balance, what
 * came in and went out by kind, and the closing balance; every entry with who, when and for which patient; the
 * dispensing log (21 CFR 1304.22(c)); counts with their discrepancies and resolutions; theft and loss reports.
 */
public record ReconciliationReport(String clinicName, Place place, LocalDate from, LocalDate to, Instant generatedAt,
        String generatedBy, List<LotSummary> lots, List<LedgerViews.Line> entries, List<LedgerViews.Line> draws,
        List<LedgerViews.Line> counts, List<LedgerViews.Line> losses) {

    /** One lot over the period: opening + received - drawn - wasted - transferred out - lost + adjustments = closing. */
    public record LotSummary(Lot lot, BigDecimal opening, BigDecimal received, BigDecimal drawn, BigDecimal wasted,
            BigDecimal transferredOut, BigDecimal lost, BigDecimal countAdjustments, BigDecimal corrections,
            BigDecimal closing) {}
}
