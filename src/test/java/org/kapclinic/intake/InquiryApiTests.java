// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** POST /api/v1/inquiries: public JSON, reply clock, crisis flags, idempotency, validation and the rate limit. */
@ClinicIntegrationTest
class InquiryApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        TestClock.INSTANCE.reset();
    }

    private long inquiriesNamed(String lastName) {
        return jdbc.sql("SELECT COUNT(*) FROM inquiry WHERE last_name = :n").param("n", lastName).query(Long.class).single();
    }

    @Test
    void aFridayAfternoonInquiryIsDueMondayAtTheSameTimeWithCrisisResources() throws Exception {
        // The test clinic runs on America/New_York, Monday to Friday: Fri 20 Nov 2026 15:00 EST
        TestClock.INSTANCE.pin(Instant.parse("2026-11-20T20:00:00Z"));
        var name = IntakeFixtures.uniqueLastName();
        mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON).content(IntakeFixtures.json(name, "Three medicines did not help.")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.reference").value(matchesPattern("INQ-[0-9A-Z]{6}")))
                .andExpect(jsonPath("$.respondBy").value("2026-11-23T15:00:00-05:00"))
                .andExpect(jsonPath("$.urgent").value(false))
                .andExpect(jsonPath("$.crisisResources[*].contact").value(hasItem("988")))
                .andExpect(jsonPath("$.crisisResources[*].contact").value(hasItem("911")))
                .andExpect(jsonPath("$.crisisResources[*].contact").value(hasItem("741741")));
        assertThat(inquiriesNamed(name)).isEqualTo(1);
        var ack = jdbc.sql("SELECT body FROM email_outbox WHERE to_address = :to").param("to", name.toLowerCase() + "@example.test")
                .query(String.class).single();
        assertThat(ack).contains("INQ-").contains("988").doesNotContain("Three medicines");
    }

    @Test
    void suicidalLanguageMakesItUrgentAndDueWithinTwoOpeningHours() throws Exception {
        TestClock.INSTANCE.pin(Instant.parse("2026-11-17T15:00:00Z")); // Tue 10:00 EST, open
        var name = IntakeFixtures.uniqueLastName();
        mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(IntakeFixtures.json(name, "Honestly no one would care if I killed myself.")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.urgent").value(true))
                .andExpect(jsonPath("$.respondBy").value("2026-11-17T12:00:00-05:00"));
        assertThat(jdbc.sql("SELECT crisis_finding FROM inquiry WHERE last_name = :n").param("n", name)
                .query(String.class).single()).isEqualTo("POSITIVE");
    }

    @Test
    void aPlainlyNegatedMentionIsNotUrgentButIsMarkedForReview() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON).content(IntakeFixtures.json(name, "I am not suicidal, just exhausted.")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.urgent").value(false));
        assertThat(jdbc.sql("SELECT crisis_finding FROM inquiry WHERE last_name = :n").param("n", name)
                .query(String.class).single()).isEqualTo("NEGATED_MENTION");
    }

    @Test
    void tickingSuicidalThoughtsIsUrgentWhateverTheTextSays() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        var body = IntakeFixtures.json(name, "I am not suicidal.")
                .replace("\"concerns\":[\"treatment-resistant-depression\"]", "\"concerns\":[\"suicidal-thoughts\"]");
        mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.urgent").value(true));
    }

    @Test
    void aPersonUnder18IsAcceptedAndFlaggedAsAMinor() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        var body = IntakeFixtures.json(name, "School has been hard.").replace("1985-06-01", "2011-02-03");
        mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT minor FROM inquiry WHERE last_name = :n").param("n", name).query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void invalidInputGets400NamingEachBadField() throws Exception {
        mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"firstName":"","lastName":"Mockwell","state":"ZZ","dateOfBirth":"17/04/1990",
                                 "concerns":["vampires"],"consentToContact":false}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("firstName")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("email")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("state")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("dateOfBirth")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("concerns")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("consentToContact")));
    }

    @Test
    void malformedJsonGets400NotA500() throws Exception {
        mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"firstName\": "))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstInquiry() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        var first = mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .header("Idempotency-Key", "key-" + name).contentType(MediaType.APPLICATION_JSON)
                        .content(IntakeFixtures.json(name, "first")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var second = mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .header("Idempotency-Key", "key-" + name).contentType(MediaType.APPLICATION_JSON)
                        .content(IntakeFixtures.json(name, "second, changed")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
        assertThat(inquiriesNamed(name)).isEqualTo(1);
    }

    @Test
    void anIdenticalPayloadWithinTenMinutesReturnsTheFirstInquiry() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        var body = IntakeFixtures.json(name, "same words");
        var first = mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var again = mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(inquiriesNamed(name)).isEqualTo(1);
    }

    @Test
    void theSixthInquiryFromOneAddressWithinTheHourGets429() throws Exception {
        var address = IntakeFixtures.fromNewAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/inquiries").with(address).contentType(MediaType.APPLICATION_JSON)
                            .content(IntakeFixtures.json(IntakeFixtures.uniqueLastName(), "message " + i)))
                    .andExpect(status().isCreated());
        }
        var name = IntakeFixtures.uniqueLastName();
        mvc.perform(post("/api/v1/inquiries").with(address).contentType(MediaType.APPLICATION_JSON)
                        .content(IntakeFixtures.json(name, "one too many")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(inquiriesNamed(name)).isZero();
    }

    @Test
    void namesInAnyScriptAreAccepted() throws Exception {
        var body = IntakeFixtures.json(IntakeFixtures.uniqueLastName(), "hola").replace("\"firstName\":\"Testa\"", "\"firstName\":\"Zoë-Mẫu 美玲\"");
        mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }
}
