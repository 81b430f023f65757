// SPDX-License-Identifier: Apache-2.0
/**
 * The dosing day: a dosing session opened from a booked dosing appointment, the pre-dose gate, the exact
 * administration record, timed monitoring checks on a live board per location, discharge after the minimum
 * observation time, and (sub-package {@code rems}) the esketamine REMS Patient Monitoring Form with its 7-day
 * submission clock. Depends on safety's clearance query and on the controlled-substance ledger for draws; nothing
 * clinical depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"scheduling", "treatmentplans", "eligibility",
        "assessments", "safety", "patients", "staff", "controlledsubstances", "calendar", "security", "audit",
        "notifications", "web", "vocabulary", "demo", "timeline"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.dosing;
