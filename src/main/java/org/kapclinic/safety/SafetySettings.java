// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.safety.*} (README, "Settings"): how unacknowledged alerts climb the steps (care team, prescriber on
 * duty, on-call clinician or clinical lead). Issue #4 defaults: a same-day alert climbs a step every 60 minutes of
 * opening hours; an immediate alert goes to on-call at once after hours.
 *
 * @param immediateStep an immediate alert climbs a step after this much wall-clock time (clinic decision: 15 min)
 * @param sameDayStep a same-day alert climbs a step after this much time within opening hours
 * @param routineStep a routine alert climbs a step after this many business days' time (clinic decision: 3 days)
 * @param quietWindow after acknowledgment, the same finding within this window is recorded but does not page again
 *     (the acknowledging clinician may change it per alert)
 * @param escalationInterval how often the escalation job looks for due steps
 */
@ConfigurationProperties("kap.safety")
record SafetySettings(@DefaultValue("15m") Duration immediateStep, @DefaultValue("60m") Duration sameDayStep,
        @DefaultValue("3d") Duration routineStep, @DefaultValue("7d") Duration quietWindow,
        @DefaultValue("1m") Duration escalationInterval) {}
