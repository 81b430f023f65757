// SPDX-License-Identifier: Apache-2.0
/**
 * Treatment planning: protocol templates as admin-editable data (phases of dosing, preparation and integration around
 * each dose, measurement points and re-evaluation points), plans that apply a template to a patient from a start date,
 * the generated schedule, the prescriber's approval, edits with history, and the decision at the plan's end. Reads the
 * eligibility decision and consents; the scheduling module books what an approved plan lists.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"eligibility", "assessments", "patients", "calendar", "security", "audit", "web", "demo", "timeline"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.treatmentplans;
