// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.outcomes.dashboard.*} (README, "Settings"; ADR 022). The response and remission thresholds themselves are
 * {@code kap.outcomes.*} of the assessments module, not repeated here.
 *
 * @param baselineLookback the baseline is the last score at or before the first dose, no older than this
 * @param outcomeWindow response and remission "at endpoint" use the last score within this time after the first dose
 *     (TRANSFORM-2 reported day 28, REFERENCE.md 4.9; a reference line is drawn only when a trial's timepoint equals it)
 * @param followUp time to response and remission (Kaplan-Meier) follow each course this long after the first dose
 * @param defaultPeriod without a period in the address, courses whose first dose was this long ago up to today
 * @param sedationMoaasAt a session with a MOAA/S at or below this is counted as sedated (REFERENCE.md 4.7: ≤ 3 usually
 *     treated as clinically meaningful, memory-verify; the dosing module flags the same value)
 */
@ConfigurationProperties("kap.outcomes.dashboard")
record DashboardSettings(@DefaultValue("30d") Duration baselineLookback, @DefaultValue("28d") Duration outcomeWindow,
        @DefaultValue("84d") Duration followUp, @DefaultValue("365d") Duration defaultPeriod,
        @DefaultValue("3") int sedationMoaasAt) {

    int outcomeWindowDays() {
        return (int) outcomeWindow.toDays();
    }
}
