// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.eligibility.*} (README, "Settings"). REFERENCE.md 5.1: adequate duration is "usually 6-8 weeks" in
 * clinic materials and 4 weeks in EMA-style definitions, so it is a setting; how partial response counts is a clinic
 * policy (EU-PEARL separates partially responsive depression), so it is one too.
 *
 * @param adequateWeeks a trial is adequate after at least this many weeks at the dose (default 6)
 * @param partialResponseIsFailure whether a partial response counts as a failed trial (default true)
 * @param minimumAdherence the least regular adherence that still makes a trial adequate (default MOST_DAYS)
 * @param requiredFailedTrials adequate failed trials in the current episode that make TRD (default 2, the label's)
 */
@ConfigurationProperties("kap.eligibility")
public record EligibilitySettings(@DefaultValue("6") int adequateWeeks,
        @DefaultValue("true") boolean partialResponseIsFailure, @DefaultValue("MOST_DAYS") Adherence minimumAdherence,
        @DefaultValue("2") int requiredFailedTrials) {

    public static EligibilitySettings defaults() {
        return new EligibilitySettings(6, true, Adherence.MOST_DAYS, 2);
    }
}
