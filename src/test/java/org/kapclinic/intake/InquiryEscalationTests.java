// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The reply clock's escalations: at 75% and at 100% of the time, once each, and never after the first contact. */
@ClinicIntegrationTest
class InquiryEscalationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    InquiryEscalations escalations;

    @AfterEach
    void realTime() {
        TestClock.INSTANCE.reset();
    }

    private String submitAt(String instant, String message) throws Exception {
        TestClock.INSTANCE.pin(Instant.parse(instant));
        var body = mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON).content(IntakeFixtures.json(IntakeFixtures.uniqueLastName(), message)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private List<String> escalationLevels(String id) {
        return jdbc.sql("SELECT details FROM audit_entry WHERE action = 'INQUIRY_ESCALATED' AND entity_id = :id ORDER BY seq")
                .param("id", id).query(String.class).list();
    }

    private List<String> subjectsTo(ClinicUser user, String reference) {
        return jdbc.sql("SELECT subject FROM email_outbox WHERE to_address = :to AND subject LIKE :ref ORDER BY created_at")
                .param("to", user.email()).param("ref", "%" + reference).query(String.class).list();
    }

    private String reference(String id) {
        return jdbc.sql("SELECT reference FROM inquiry WHERE id = CAST(:id AS UUID)").param("id", id).query(String.class).single();
    }

    @Test
    void coordinatorsAreWarnedAt75PercentAndAgainWhenOverdueOnceEach() throws Exception {
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        // Mon 16 Nov 2026 09:00 EST: due Tue 09:00; 75% (18 business hours) is Tue 03:00
        var id = submitAt("2026-11-16T14:00:00Z", "steady");
        var reference = reference(id);

        TestClock.INSTANCE.pin(Instant.parse("2026-11-17T07:59:00Z")); // Tue 02:59
        escalations.escalateDue();
        assertThat(escalationLevels(id)).isEmpty();

        TestClock.INSTANCE.pin(Instant.parse("2026-11-17T08:01:00Z")); // Tue 03:01
        escalations.escalateDue();
        escalations.escalateDue();
        assertThat(escalationLevels(id)).hasSize(1).first().asString().startsWith("WARNING");
        assertThat(subjectsTo(coordinator, reference)).containsExactly("Reply soon: inquiry " + reference);

        TestClock.INSTANCE.pin(Instant.parse("2026-11-17T14:01:00Z")); // Tue 09:01, overdue
        escalations.escalateDue();
        escalations.escalateDue();
        assertThat(escalationLevels(id)).hasSize(2).last().asString().startsWith("OVERDUE");
        assertThat(subjectsTo(coordinator, reference))
                .containsExactly("Reply soon: inquiry " + reference, "Overdue: inquiry " + reference);
    }

    @Test
    void theFirstContactStopsTheClockSoNothingEscalates() throws Exception {
        var id = submitAt("2026-11-16T15:00:00Z", "calm");
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        TestClock.INSTANCE.pin(Instant.parse("2026-11-16T16:00:00Z"));
        TestAccounts.runAs(coordinator, () -> context.getBean(Inquiries.class).logContact(InquiryId.of(id), "phone",
                "reached", null, Instant.parse("2026-11-16T16:00:00Z")));
        TestClock.INSTANCE.pin(Instant.parse("2026-11-18T16:00:00Z"));
        escalations.escalateDue();
        assertThat(escalationLevels(id)).isEmpty();
    }

    @Test
    void anUrgentInquiryAfterHoursIsDueAtOnceAndGoesToTheOnCallClinician() throws Exception {
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var admin = TestAccounts.create(context, Role.ADMIN);
        TestAccounts.runAs(admin, () -> context.getBean(OnCall.class).set(prescriber.id().value()));
        try {
            // Tue 17 Nov 2026 21:00 EST: closed
            var id = submitAt("2026-11-18T02:00:00Z", "I have a plan to kill myself tonight");
            var reference = reference(id);
            assertThat(jdbc.sql("SELECT respond_by FROM inquiry WHERE reference = :r").param("r", reference)
                    .query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(Instant.parse("2026-11-18T02:00:00Z"));
            assertThat(jdbc.sql("SELECT subject FROM email_outbox WHERE to_address = :to").param("to", prescriber.email())
                    .query(String.class).list()).contains("URGENT inquiry " + reference + ": same-day triage");
            escalations.escalateDue();
            assertThat(escalationLevels(id)).hasSize(1).first().asString().startsWith("OVERDUE");
        } finally {
            TestAccounts.runAs(admin, () -> context.getBean(OnCall.class).set(null));
        }
    }
}
