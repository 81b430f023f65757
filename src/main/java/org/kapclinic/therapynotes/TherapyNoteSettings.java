// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Integration timing and reflection limits. The integration window is the default when the patient's plan does not
 * set one (the KAP protocol sets 72 h: "two integration sessions within 72 hours", REFERENCE.md 3.5, Dore et al.
 * 2019); listed in the README's settings table.
 */
@ConfigurationProperties("kap.therapy-notes")
public record TherapyNoteSettings(
        @DefaultValue("72") int integrationDueHours,
        // The portal offers an "after" reflection for dosing appointments this many days back.
        @DefaultValue("30") int reflectionDaysBack,
        // ... and a "before" reflection for those this many days ahead.
        @DefaultValue("60") int reflectionDaysAhead,
        // The clinic's on-time rate looks back this many days by default.
        @DefaultValue("90") int onTimeRateDays) {

    public TherapyNoteSettings {
        if (integrationDueHours < 1 || integrationDueHours > 24 * 30) {
            throw new IllegalArgumentException("kap.therapy-notes.integration-due-hours: 1 to 720 hours.");
        }
        if (reflectionDaysBack < 1 || reflectionDaysAhead < 1 || onTimeRateDays < 1) {
            throw new IllegalArgumentException("kap.therapy-notes: day counts must be at least 1.");
        }
    }
}
