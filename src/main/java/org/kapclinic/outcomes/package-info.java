// SPDX-License-Identifier: Apache-2.0
/**
 * Outcomes (issue 8): read models over the clinical modules' own queries. The clinic's outcomes dashboard (cohorts,
 * response and remission with Wilson intervals, Kaplan-Meier time to response and remission, safety and process
 * rates, published trial figures as reference lines) and the patient progress report as PDF, in a patient's and a
 * referring clinician's version. Nothing clinical depends on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patients", "staff", "assessments", "dosing",
        "treatmentplans", "scheduling", "therapynotes", "intake", "safety", "eligibility", "calendar", "security",
        "audit", "web", "vocabulary", "demo"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.outcomes;
