// SPDX-License-Identifier: Apache-2.0
/**
 * The Schedule III controlled-substance ledger (ketamine, esketamine): a product catalogue, lots, and an append-only
 * ledger per lot and location of initial inventories, receipts, draws for dosing sessions, witnessed waste, transfers,
 * theft and loss reports, counts with their discrepancies and resolutions, and corrections; the running balance, and
 * reconciliation reports as PDF and CSV. Records are never updated or deleted (21 CFR 1304.04(a): kept at least 2
 * years). {@link org.kapclinic.controlledsubstances.ControlledSubstances} is the entry point the dosing module calls;
 * nothing here depends on dosing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"scheduling", "patients", "calendar", "security",
        "audit", "notifications", "web", "demo"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.controlledsubstances;
