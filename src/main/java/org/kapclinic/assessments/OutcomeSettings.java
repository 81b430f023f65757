// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.outcomes.*} (README, "Settings"): the outcome definitions of REFERENCE.md 4.9, several of them tagged
 * memory-verify there, so each is a setting.
 *
 * @param madrsRemissionAt MADRS at or below this is remission: 12 as in TRANSFORM and SUSTAIN-1 (ESCAPE-TRD used 10)
 * @param phq9RemissionBelow PHQ-9 below this is remission (REFERENCE.md 4.1: &lt; 5)
 * @param qidsRemissionAt QIDS-SR16 at or below this is remission (REFERENCE.md 4.4: &le; 5)
 * @param relapseMadrsAt relapse: MADRS at or above this at two consecutive visits (SUSTAIN-1: 22)
 * @param relapseMinGap ... the two visits at least this far apart (SUSTAIN-1: 5 days)
 * @param relapseMaxGap ... and at most this far apart (SUSTAIN-1: 15 days)
 */
@ConfigurationProperties("kap.outcomes")
record OutcomeSettings(@DefaultValue("12") int madrsRemissionAt, @DefaultValue("5") int phq9RemissionBelow,
        @DefaultValue("5") int qidsRemissionAt, @DefaultValue("22") int relapseMadrsAt,
        @DefaultValue("5d") Duration relapseMinGap, @DefaultValue("15d") Duration relapseMaxGap) {}
