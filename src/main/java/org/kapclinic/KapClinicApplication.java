// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * KAP Clinic: one modular monolith. Each direct sub-package is a module (see ModularityTests and docs/architecture.md).
 * With a verb as its first argument ({@code admin}, {@code audit}, {@code demo}) the jar runs that command and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KapClinicApplication {

    public static void main(String[] args) {
        if (CommandLineVerbs.isVerb(args)) {
            System.exit(CommandLineVerbs.run(args));
        }
        SpringApplication.run(KapClinicApplication.class, args);
    }

    /** All code reads time from this clock, so tests can control it (they register their own, which wins). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
