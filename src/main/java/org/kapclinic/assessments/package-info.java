// SPDX-License-Identifier: Apache-2.0
/**
 * Measurement-based care: the instrument catalogue (one versioned JSON file per instrument under
 * {@code resources/instruments}, with items, options, scoring rule, bands, LOINC codes, licence and attribution) and
 * scoring, including the safety flags that items such as PHQ-9 item 9 raise even from partial answers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.kapclinic.assessments;
