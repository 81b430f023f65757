// SPDX-License-Identifier: Apache-2.0
/**
 * FHIR R4 at {@code /fhir} (issue 8): HAPI's plain RestfulServer whose resource providers map each module's own
 * queries to R4 resources (Patient, Practitioner, Questionnaire, QuestionnaireResponse, Observation, Encounter,
 * MedicationAdministration, CarePlan, Flag), with the UI's authorization, an audit entry per access, and bulk export
 * ({@code $export}, {@code Patient/$everything}). It contributes the FHIR NDJSON to the full data export (ADR 023).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patients", "assessments", "dosing",
        "treatmentplans", "scheduling", "safety", "eligibility", "vocabulary", "security", "audit", "export"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.fhir;
