// SPDX-License-Identifier: Apache-2.0
/**
 * Explainable therapist matching: hard filters, then a weighted fit with reasons and gaps, and assignment, which turns
 * the inquiry into a patient with a care team and tells the therapist.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"intake", "staff", "calendar", "patients", "vocabulary", "security", "audit", "notifications"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.matching;
