// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * End to end with the real scheduler and a real SMTP server (GreenMail): the escalation job and the outbox delivery
 * run every 300 ms, and the coordinator's mail arrives once the clock passes 75% of the reply time, not before.
 */
@ClinicIntegrationTest
@TestPropertySource(properties = {"kap.test.scheduling=true", "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "kap.mail.poll-interval=PT0.3S", "kap.intake.escalation-interval=PT0.3S", "kap.intake.escalation-initial-delay=PT0S"})
class EscalationMailTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    InquiryEscalations escalations;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void realTime() {
        TestClock.INSTANCE.reset();
    }

    private List<String> subjectsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(address))
                .map(EscalationMailTests::subject).toList();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long escalated(String reference) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM audit_entry a JOIN inquiry i ON a.entity_id = CAST(i.id AS VARCHAR(100))
                WHERE a.action = 'INQUIRY_ESCALATED' AND i.reference = :r""").param("r", reference).query(Long.class).single();
    }

    private long pendingMail() {
        return jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL").query(Long.class).single();
    }

    private List<String> waitForSubjects(String address, int count) throws InterruptedException {
        for (int i = 0; i < 100 && subjectsTo(address).size() < count; i++) {
            Thread.sleep(100);
        }
        return subjectsTo(address);
    }

    @Test
    void theCoordinatorsMailArrivesAt75PercentAndAgainWhenOverdue() throws Exception {
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        // Mon 16 Nov 2026 09:00 EST: due Tue 09:00 EST; 75% is Tue 03:00 EST (08:00Z)
        TestClock.INSTANCE.pin(Instant.parse("2026-11-16T14:00:00Z"));
        var body = mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON).content(IntakeFixtures.json(IntakeFixtures.uniqueLastName(), "mail")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String reference = JsonPath.read(body, "$.reference");

        TestClock.INSTANCE.pin(Instant.parse("2026-11-17T07:55:00Z"));
        escalations.escalateDue(); // one more run, here and now, besides the scheduled ones: still too early
        assertThat(escalated(reference)).isZero();
        assertThat(subjectsTo(coordinator.email())).noneMatch(s -> s.contains(reference));

        TestClock.INSTANCE.pin(Instant.parse("2026-11-17T08:05:00Z"));
        assertThat(waitForSubjects(coordinator.email(), 1)).containsExactly("Reply soon: inquiry " + reference);

        TestClock.INSTANCE.pin(Instant.parse("2026-11-17T14:05:00Z"));
        assertThat(waitForSubjects(coordinator.email(), 2))
                .containsExactly("Reply soon: inquiry " + reference, "Overdue: inquiry " + reference);
        // further runs send nothing: one here and now, then the outbox drains to GreenMail
        assertThat(escalations.escalateDue()).isZero();
        for (int i = 0; i < 100 && pendingMail() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(pendingMail()).isZero();
        assertThat(escalated(reference)).isEqualTo(2);
        assertThat(subjectsTo(coordinator.email())).hasSize(2);
    }
}
