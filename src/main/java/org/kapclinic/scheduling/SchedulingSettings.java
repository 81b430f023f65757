// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.scheduling.*} (README, "Settings"). The defaults: a chair is held for pre-dose checks (20 min),
 * the dosing, the protocol's observation and a buffer (15 min); one nurse monitors up to four chairs.
 *
 * @param preDoseMinutes chair time before the dose for the pre-dose checks
 * @param bufferMinutes chair time after observation for discharge and cleaning
 * @param chairsPerNurse how many dosing patients one nurse on shift may monitor at once
 * @param therapyMinutes length of a preparation, integration, therapy or evaluation appointment
 * @param reevaluationMinutes length of a re-evaluation (follow-up) with the prescriber
 * @param dayStarts first row of the day view
 * @param dayEnds last row of the day view
 * @param reminderInterval how often the reminder job runs
 */
@ConfigurationProperties("kap.scheduling")
public record SchedulingSettings(@DefaultValue("20") int preDoseMinutes, @DefaultValue("15") int bufferMinutes,
        @DefaultValue("4") int chairsPerNurse, @DefaultValue("50") int therapyMinutes,
        @DefaultValue("30") int reevaluationMinutes, @DefaultValue("07:00") LocalTime dayStarts,
        @DefaultValue("19:00") LocalTime dayEnds, @DefaultValue("PT5M") Duration reminderInterval) {

    public static SchedulingSettings defaults() {
        return new SchedulingSettings(20, 15, 4, 50, 30, LocalTime.of(7, 0), LocalTime.of(19, 0), Duration.ofMinutes(5));
    }
}
