// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.intake.IntakeFixtures;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.staff.TherapistFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Ranked, explained matches for an inquiry, and assignment that creates the patient with a care team. */
@ClinicIntegrationTest
class MatchingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    /** Each test uses its own state so therapists from other tests cannot interfere. */
    private String inquiryIn(String state) throws Exception {
        var body = IntakeFixtures.json(IntakeFixtures.uniqueLastName(), "tried three medicines")
                .replace("\"state\":\"AZ\"", "\"state\":\"" + state + "\"");
        var created = mvc.perform(post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    @Test
    void matchesAreRankedWithReasonsAndGapsAndExclusionsNameTheirFilter() throws Exception {
        var best = TherapistFixtures.therapist(context, "ME", "Aetna", "Tue 17:00-20:00", true, true);
        var outOfNetwork = TherapistFixtures.therapist(context, "ME", "Cigna", "Mon 09:00-12:00", true, true);
        var unlicensed = TherapistFixtures.therapist(context, "NH", "Aetna", "Tue 17:00-20:00", true, true);
        var id = inquiryIn("ME");
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var json = mvc.perform(get("/api/v1/inquiries/" + id + "/matches").with(TestAccounts.as(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> ranked = JsonPath.read(json, "$.matches[*].therapistId");
        assertThat(ranked.indexOf(best.id().value().toString())).isNotNegative()
                .isLessThan(ranked.indexOf(outOfNetwork.id().value().toString()));
        List<Map<String, Object>> top = JsonPath.read(json, "$.matches[?(@.therapistId == '" + best.id().value() + "')]");
        assertThat((Integer) top.get(0).get("score")).isBetween(0, 100);
        assertThat((List<String>) top.get(0).get("reasons")).contains("licensed in ME", "in network: Aetna");
        List<Map<String, Object>> worse = JsonPath.read(json, "$.matches[?(@.therapistId == '" + outOfNetwork.id().value() + "')]");
        assertThat((List<String>) worse.get(0).get("gaps")).contains("out of network for Aetna");
        List<Map<String, Object>> excluded = JsonPath.read(json, "$.excluded[?(@.therapistId == '" + unlicensed.id().value() + "')]");
        assertThat((List<String>) excluded.get(0).get("failedFilters")).contains("not licensed in ME");
    }

    @Test
    void whenNobodyPassesTheScreenSaysWhichFilterAndOffersToReferOut() throws Exception {
        var id = inquiryIn("WY");
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        mvc.perform(get("/intake/inquiries/" + id + "/matches").with(TestAccounts.as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No therapist passes the filters")))
                .andExpect(content().string(containsString("WY")))
                .andExpect(content().string(containsString("Referred elsewhere")));
    }

    @Test
    void assigningAMatchCreatesThePatientWithTheCareTeamAndNotifiesTheTherapist() throws Exception {
        var therapist = TherapistFixtures.therapist(context, "VT", "Aetna", "Tue 17:00-20:00", true, true);
        var id = inquiryIn("VT");
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var location = mvc.perform(post("/intake/inquiries/" + id + "/assign").with(csrf()).with(TestAccounts.as(coordinator))
                        .param("therapistId", therapist.id().value().toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/patients/");
        var patientId = UUID.fromString(location.substring("/patients/".length()));
        var row = jdbc.sql("SELECT legal_family_name, therapist_id, state FROM patient WHERE id = :id").param("id", patientId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)}).single();
        var inquiry = jdbc.sql("SELECT last_name, status, patient_id FROM inquiry WHERE id = CAST(:id AS UUID)").param("id", id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class)}).single();
        assertThat(row[0]).isEqualTo(inquiry[0]);
        assertThat(row[1]).isEqualTo(therapist.id().value());
        assertThat(row[2]).isEqualTo("VT");
        assertThat(inquiry[1]).isEqualTo("CONVERTED");
        assertThat(inquiry[2]).isEqualTo(patientId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE to_address = :to AND subject LIKE 'New client assigned%'")
                .param("to", therapist.email()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'INQUIRY_CONVERTED' AND patient_id = :p")
                .param("p", patientId).query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/intake/inquiries/" + id + "/assign").with(csrf()).with(TestAccounts.as(coordinator))
                        .param("therapistId", therapist.id().value().toString()))
                .andExpect(flash().attributeExists("problem"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE legal_family_name = :n").param("n", inquiry[0])
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTherapistWhoFailsTheFiltersCannotBeAssigned() throws Exception {
        var notAccepting = TherapistFixtures.therapist(context, "RI", "Aetna", "Tue 17:00-20:00", true, false);
        var id = inquiryIn("RI");
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        mvc.perform(post("/intake/inquiries/" + id + "/assign").with(csrf()).with(TestAccounts.as(coordinator))
                        .param("therapistId", notAccepting.id().value().toString()))
                .andExpect(flash().attribute("problem", "That therapist does not pass the filters for this inquiry."));
        assertThat(jdbc.sql("SELECT status FROM inquiry WHERE id = CAST(:id AS UUID)").param("id", id).query(String.class).single())
                .isEqualTo("OPEN");
    }
}
