// SPDX-License-Identifier: Apache-2.0
/**
 * Clinician profiles: credentials, specialties, modalities, languages and licensed states, and whether the clinician
 * takes new patients. Matching ranks therapists on these; the staff directory shows them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "demo", "vocabulary", "calendar", "audit"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.staff;
