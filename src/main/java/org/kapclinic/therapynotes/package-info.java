// SPDX-License-Identifier: Apache-2.0
/**
 * Therapy notes for ketamine-assisted psychotherapy: preparation, dosing support, integration, psychotherapy and
 * evaluation-addendum notes linked to appointments; signing and locking with appended amendments; patients' amendment
 * requests from the portal; the stricter protection of psychotherapy notes; integration-due items made from completed
 * dosing sessions; and patients' reflections before and after a dose, screened for crisis language.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patients", "staff", "scheduling", "dosing",
        "assessments", "treatmentplans", "eligibility", "intake", "calendar", "security", "audit", "notifications",
        "web", "vocabulary", "demo", "timeline"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.therapynotes;
