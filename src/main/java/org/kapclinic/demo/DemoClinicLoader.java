// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo profile ({@code ./mvnw spring-boot:run}): loads the synthetic clinic into an empty database and prints
 * where to sign in. Refuses to run together with the postgres profile, which never gets demo data.
 */
@Component
@Profile("demo & !cli")
class DemoClinicLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoClinicLoader.class);

    private final DemoClinic clinic;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final int patients;
    private final String baseUrl;

    DemoClinicLoader(DemoClinic clinic, JdbcClient jdbc, Environment environment,
            @Value("${kap.demo.patients:60}") int patients, @Value("${kap.clinic.base-url}") String baseUrl) {
        this.clinic = clinic;
        this.jdbc = jdbc;
        this.environment = environment;
        this.patients = patients;
        this.baseUrl = baseUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAndAnnounce() {
        if (environment.acceptsProfiles(Profiles.of("postgres"))) {
            log.warn("The demo profile is ignored with the postgres profile: PostgreSQL mode never loads demo data.");
            return;
        }
        boolean empty = jdbc.sql("SELECT COUNT(*) FROM patient").query(Long.class).single() == 0;
        if (empty) {
            log.info(clinic.generate(patients));
        }
        log.info("""

                ================================================================
                  KAP Clinic demo is running at {}
                  Demo sign-ins (password for all: {}):
                    admin@demo.kapclinic.test       Admin
                    intake@demo.kapclinic.test      Intake coordinator
                    therapist1@demo.kapclinic.test  Therapist (also therapist2..4)
                    nurse@demo.kapclinic.test       Nurse
                    prescriber@demo.kapclinic.test  Prescriber
                    patient@demo.kapclinic.test     Patient (portal)
                  Synthetic data only. Do not enter real patients in demo mode.
                ================================================================""", baseUrl, DemoContext.DEMO_PASSWORD);
    }
}
