// SPDX-License-Identifier: Apache-2.0
/**
 * Evaluation and eligibility: the antidepressant-trial history, TRD determination against an editable
 * minimum-adequate-dose table, Maudsley staging, medications (tagged with drug classes) and allergies with their
 * reconciliations, versioned consents, contraindication screening per modality, and the prescriber's signed decision
 * with amendments. Reads baseline severity from assessments; nothing in the modules below depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"patients", "assessments", "security", "audit", "web", "demo", "timeline"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.eligibility;
