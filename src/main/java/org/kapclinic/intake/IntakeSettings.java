// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.intake.*} (README, "Settings"). REFERENCE.md 8.2: acknowledge at once, human contact within one business
 * day, any suicidal ideation in an inquiry gets same-day clinical triage.
 *
 * @param responseTime business time to the first contact for a non-urgent inquiry (the clinic's "24 business hours")
 * @param urgentResponseTime opening hours to the first contact for an urgent inquiry (same day)
 * @param warnFraction share of the reply time after which coordinators and admins are warned (0.75)
 * @param maxSubmissionsPerAddress accepted public submissions per client address and window before 429
 * @param rateWindow the window for {@code maxSubmissionsPerAddress}
 * @param duplicateWindow an identical payload within this window returns the first inquiry
 * @param adultAge age from which a person is not a minor
 */
@ConfigurationProperties("kap.intake")
record IntakeSettings(
        @DefaultValue("24h") Duration responseTime,
        @DefaultValue("2h") Duration urgentResponseTime,
        @DefaultValue("0.75") double warnFraction,
        @DefaultValue("5") int maxSubmissionsPerAddress,
        @DefaultValue("1h") Duration rateWindow,
        @DefaultValue("10m") Duration duplicateWindow,
        @DefaultValue("18") int adultAge) {}
