// SPDX-License-Identifier: Apache-2.0
/**
 * Measurement-based care: the instrument catalogue (one versioned JSON file per instrument under
 * {@code resources/instruments}, with items, options, scoring rule, bands, LOINC codes, licence and attribution),
 * scoring with the safety flags that items such as PHQ-9 item 9 raise even from partial answers, stored
 * administrations, questionnaires given by secure link, kiosk or portal, and trajectories with response and remission.
 * Safety-relevant answers are published as events that the safety module turns into alerts in the same transaction.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"patients", "security", "audit", "notifications", "vocabulary", "web", "demo", "timeline"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.assessments;
