// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kapclinic.KapClinicApplication;
import org.kapclinic.TestDatabases;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Concern;
import org.kapclinic.vocabulary.ContactMethod;
import org.kapclinic.vocabulary.GenderPreference;
import org.kapclinic.vocabulary.Interest;
import org.kapclinic.vocabulary.Modality;
import org.kapclinic.vocabulary.PriorTreatment;
import org.kapclinic.vocabulary.UsState;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one database, both running the escalation job every 200 ms: every overdue inquiry is
 * escalated exactly once (one audit entry, one email per recipient). Runs on H2 (one in-memory database shared by
 * both nodes in this JVM) and on PostgreSQL (one fresh schema).
 */
@Tag("db")
class TwoNodeEscalationTests {

    static final int INQUIRIES = 24;

    private static ConfigurableApplicationContext node(String[] db, String name) {
        // command-line arguments outrank application.properties (builder "properties" would not)
        return new SpringApplicationBuilder(KapClinicApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + db[0], "--spring.datasource.username=" + db[1],
                        "--spring.datasource.password=" + db[2], "--kap.scheduling.enabled=true",
                        "--kap.intake.escalation-interval=PT0.2S", "--kap.intake.escalation-initial-delay=PT0S",
                        "--kap.mail.poll-interval=PT1H", "--spring.application.name=" + name,
                        "--logging.level.root=warn", "--spring.main.banner-mode=off");
    }

    private static String[] database() {
        if ("postgres".equals(TestDatabases.engine())) {
            return TestDatabases.Postgres.freshSchema();
        }
        return new String[] {"jdbc:h2:mem:two-nodes-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""};
    }

    @Test
    void eachOverdueInquiryIsEscalatedExactlyOnceAcrossTwoNodes() throws Exception {
        var db = database();
        try (var first = node(db, "node-a"); var second = node(db, "node-b")) {
            var accounts = first.getBean(UserAccounts.class);
            var coordinator = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8) + "@test.kapclinic.test";
            accounts.createWithPassword(coordinator, "Two Nodes Coordinator (synthetic)", Set.of(Role.INTAKE_COORDINATOR),
                    "two-nodes-password-2026", "TEST_ACCOUNT_CREATED");
            var inquiries = first.getBean(Inquiries.class);
            var references = new ArrayList<String>();
            for (int i = 0; i < INQUIRIES; i++) {
                references.add(inquiries.submit(inquiry("Nodeson" + (char) ('a' + i)), null, "10.200.0." + i)
                        .reference());
            }
            var jdbc = first.getBean(JdbcClient.class);
            var past = OffsetDateTime.ofInstant(Instant.now().minusSeconds(60), ZoneOffset.UTC);
            jdbc.sql("UPDATE inquiry SET warn_at = :past, respond_by = :past").param("past", past).update();

            for (int i = 0; i < 200 && pending(jdbc) > 0; i++) {
                Thread.sleep(100);
            }
            assertThat(pending(jdbc)).isZero();
            // more runs on both nodes, here and now: nothing is left to send, and nothing was sent twice
            assertThat(first.getBean(InquiryEscalations.class).escalateDue()).isZero();
            assertThat(second.getBean(InquiryEscalations.class).escalateDue()).isZero();
            for (var reference : references) {
                var id = jdbc.sql("SELECT id FROM inquiry WHERE reference = :r").param("r", reference).query(UUID.class).single();
                assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'INQUIRY_ESCALATED' AND entity_id = :id")
                        .param("id", id.toString()).query(Long.class).single()).as(reference).isEqualTo(1);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE to_address = :to AND subject = :s")
                        .param("to", coordinator).param("s", "Overdue: inquiry " + reference).query(Long.class).single())
                        .as(reference).isEqualTo(1);
            }
        }
    }

    private static long pending(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM inquiry WHERE overdue_escalated_at IS NULL").query(Long.class).single();
    }

    private static NewInquiry inquiry(String lastName) {
        return new NewInquiry("Testa", lastName, lastName.toLowerCase() + "@example.test", null, ContactMethod.EMAIL, false,
                UsState.AZ, LocalDate.of(1980, 1, 2), EnumSet.of(Concern.DEPRESSION), "steady", null,
                EnumSet.noneOf(PriorTreatment.class), Interest.NOT_SURE, Modality.EITHER, GenderPreference.NO_PREFERENCE,
                EnumSet.noneOf(AffirmingTag.class), null, null, List.of());
    }
}
