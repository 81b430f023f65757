// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.security.session.*}: the absolute session lifetime, on top of the idle time-out
 * ({@code spring.session.timeout}); README, "Settings"; ADR 027.
 */
@ConfigurationProperties("kap.security.session")
record SessionSettings(@DefaultValue("PT12H") Duration absoluteLifetime) {}
