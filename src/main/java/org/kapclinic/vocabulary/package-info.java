// SPDX-License-Identifier: Apache-2.0
/**
 * Controlled vocabularies that the inquiry form, therapist profiles and matching share, so a concern ticked by a person
 * and a focus listed by a therapist are the same code: concerns, interests, modalities, affirming tags, prior treatments,
 * contact methods and gender preferences; and the crisis resources every patient-facing page shows. Codes are the API's kebab-case strings.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.kapclinic.vocabulary;
