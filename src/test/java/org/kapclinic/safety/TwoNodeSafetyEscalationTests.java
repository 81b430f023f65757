// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kapclinic.KapClinicApplication;
import org.kapclinic.TestDatabases;
import org.kapclinic.intake.OnCall;
import org.kapclinic.patients.PatientFixtures;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one database, both running the safety escalation job every 200 ms: every due alert climbs
 * exactly one step (one audit entry, one page per recipient), never two. Runs on H2 (one in-memory database shared by
 * both nodes in this JVM) and on PostgreSQL (one fresh schema).
 */
@Tag("db")
class TwoNodeSafetyEscalationTests {

    static final int ALERTS = 20;

    private static ConfigurableApplicationContext node(String[] db, String name) {
        return new SpringApplicationBuilder(KapClinicApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + db[0], "--spring.datasource.username=" + db[1],
                        "--spring.datasource.password=" + db[2], "--kap.scheduling.enabled=true",
                        "--kap.safety.escalation-interval=PT0.2S", "--kap.intake.escalation-interval=PT1H",
                        "--kap.mail.poll-interval=PT1H", "--spring.application.name=" + name,
                        "--logging.level.root=warn", "--spring.main.banner-mode=off");
    }

    private static String[] database() {
        if ("postgres".equals(TestDatabases.engine())) {
            return TestDatabases.Postgres.freshSchema();
        }
        return new String[] {"jdbc:h2:mem:two-nodes-safety-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""};
    }

    @Test
    void eachDueAlertClimbsExactlyOneStepAcrossTwoNodes() throws Exception {
        var db = database();
        try (var first = node(db, "node-a"); var second = node(db, "node-b")) {
            var admin = TestAccounts.create(first, Role.ADMIN);
            var clinician = TestAccounts.create(first, Role.PRESCRIBER);
            var onDuty = TestAccounts.create(first, Role.PRESCRIBER);
            TestAccounts.runAs(admin, () -> first.getBean(DutyRoster.class).save(onDuty.id().value(), null));
            TestAccounts.runAs(admin, () -> first.getBean(OnCall.class).set(null));
            var patients = first.getBean(Patients.class);
            var safety = first.getBean(SafetyAlerts.class);
            var alerts = new ArrayList<AlertId>();
            for (int i = 0; i < ALERTS; i++) {
                var patient = TestAccounts.runAs(clinician, () -> patients.register(
                        PatientFixtures.details("Nodea", PatientFixtures.uniqueFamily(), LocalDate.of(1980, 1, 2))));
                // the clinician is the care team (step 1), so the prescriber on duty is paged only at step 2
                TestAccounts.runAs(clinician, () -> patients.assignCareTeam(patient, null, clinician.id().value()));
                alerts.add(TestAccounts.runAs(clinician, () -> safety.flag(patient, false, "Two-node concern")));
            }
            var jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE escalation_step = 1").query(Long.class).single())
                    .isEqualTo(ALERTS);
            var past = OffsetDateTime.ofInstant(Instant.now().minusSeconds(60), ZoneOffset.UTC);
            jdbc.sql("UPDATE safety_alert SET next_escalation_at = :past").param("past", past).update();

            for (int i = 0; i < 200 && atStep(jdbc, 1) > 0; i++) {
                Thread.sleep(100);
            }
            assertThat(atStep(jdbc, 1)).isZero();
            // more runs on both nodes, here and now: the next steps are an hour of opening hours away
            first.getBean(SafetyEscalations.class).escalateDue();
            second.getBean(SafetyEscalations.class).escalateDue();
            for (var alert : alerts) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'SAFETY_ALERT_ESCALATED'"
                                + " AND entity_id = :id AND details LIKE 'step 2 %'")
                        .param("id", alert.toString()).query(Long.class).single()).as(alert.toString()).isEqualTo(1);
                assertThat(jdbc.sql("SELECT body FROM email_outbox WHERE to_address = :to").param("to", onDuty.email())
                        .query(String.class).list().stream().filter(b -> b.contains(alert.toString())).count())
                        .as("pages to the prescriber on duty about " + alert).isEqualTo(1);
            }
            assertThat(atStep(jdbc, 2)).isEqualTo(ALERTS);
        }
    }

    private static long atStep(JdbcClient jdbc, int step) {
        return jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE escalation_step = :s").param("s", step)
                .query(Long.class).single();
    }
}
