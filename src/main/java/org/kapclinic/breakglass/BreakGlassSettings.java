// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.breakglass;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code kap.security.break-glass.*}: how long an emergency grant lasts and how long its reason must be (README). */
@ConfigurationProperties("kap.security.break-glass")
record BreakGlassSettings(
        @DefaultValue("PT4H") Duration duration,
        @DefaultValue("15") int minReasonLength) {}
