// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The public form, the intake queue, the triage list and one inquiry's page, as people use them. */
@ClinicIntegrationTest
class IntakePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    /** The form as a browser posts it; {@code overrides} are name/value pairs that replace a field's value. */
    private MockHttpServletRequestBuilder form(String lastName, String message, String... overrides) {
        var fields = new java.util.LinkedHashMap<String, String[]>();
        fields.put("firstName", new String[] {"Testa"});
        fields.put("lastName", new String[] {lastName});
        fields.put("email", new String[] {lastName.toLowerCase() + "@example.test"});
        fields.put("preferredContact", new String[] {"email"});
        fields.put("state", new String[] {"AZ"});
        fields.put("dateOfBirth", new String[] {"1980-01-02"});
        fields.put("concerns", new String[] {"depression", "anxiety"});
        fields.put("message", new String[] {message});
        fields.put("interest", new String[] {"kap"});
        fields.put("modality", new String[] {"either"});
        fields.put("therapistGender", new String[] {"no-preference"});
        fields.put("language", new String[] {"English"});
        fields.put("availabilitySlots", new String[] {"TUE-evening", "THU-evening"});
        fields.put("consentToContact", new String[] {"true"});
        fields.put("submissionToken", new String[] {UUID.randomUUID().toString()});
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], new String[] {overrides[i + 1]});
        }
        var request = post("/inquiry").with(csrf()).with(IntakeFixtures.fromNewAddress());
        fields.forEach(request::param);
        return request;
    }

    private UUID idOf(String lastName) {
        return jdbc.sql("SELECT id FROM inquiry WHERE last_name = :n").param("n", lastName).query(UUID.class).single();
    }

    @Test
    void theFormIsPublicAndShowsCrisisResources() throws Exception {
        mvc.perform(get("/inquiry"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("988")))
                .andExpect(content().string(containsString("741741")))
                .andExpect(content().string(containsString("not monitored around the clock")))
                .andExpect(content().string(containsString("name=\"website\"")));
    }

    @Test
    void aSubmissionIsStoredBeforeTheConfirmationWhichShowsTheReference() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        var session = mvc.perform(form(name, "Looking for help after three medicines."))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/inquiry/received"))
                .andExpect(flash().attributeExists("submission"))
                .andReturn().getResponse().getCookie("KAPSESSION");
        assertThat(idOf(name)).isNotNull();
        var reference = jdbc.sql("SELECT reference FROM inquiry WHERE last_name = :n").param("n", name).query(String.class).single();
        mvc.perform(get("/inquiry/received").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("988")));
    }

    @Test
    void aPositiveScreenPutsCrisisResourcesFirstOnTheConfirmation() throws Exception {
        var session = mvc.perform(form(IntakeFixtures.uniqueLastName(), "I want to die"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("KAPSESSION");
        var html = mvc.perform(get("/inquiry/received").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("crisis-urgent").contains("Please reach out for help now");
        assertThat(html.indexOf("crisis-urgent")).isLessThan(html.indexOf("We received your message"));
    }

    @Test
    void aValidationErrorKeepsEverythingTypedAndSaysWhatIsWrongNextToTheField() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        mvc.perform(form(name, "Some long story I do not want to type again", "email", "not-an-email",
                        "dateOfBirth", "2999-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter an email address like name@example.org.")))
                .andExpect(content().string(containsString("The date of birth must be in the past.")))
                .andExpect(content().string(containsString("Some long story I do not want to type again")))
                .andExpect(content().string(containsString("value=\"" + name + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<input[^>]*id=\"slot-TUE-evening\"[^>]*checked[^>]*>.*")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<input[^>]*id=\"slot-MON-evening\"(?![^>]*checked)[^>]*>.*")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inquiry WHERE last_name = :n").param("n", name).query(Long.class).single()).isZero();
    }

    @Test
    void aDoubleSubmitWithTheSameFormTokenCreatesOneInquiry() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        var token = UUID.randomUUID().toString();
        mvc.perform(form(name, "first click", "submissionToken", token)).andExpect(status().is3xxRedirection());
        mvc.perform(form(name, "second click", "submissionToken", token)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inquiry WHERE last_name = :n").param("n", name).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theHoneypotLooksLikeSuccessButStoresNothing() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        mvc.perform(form(name, "buy cheap pills", "website", "http://spam.example"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inquiry WHERE last_name = :n").param("n", name).query(Long.class).single()).isZero();
    }

    @Test
    void scriptInAFieldIsShownInertToStaff() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        mvc.perform(form(name, "<script>alert('x')</script> <b>bold</b>")).andExpect(status().is3xxRedirection());
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        mvc.perform(get("/intake/inquiries/" + idOf(name)).with(TestAccounts.as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))));
    }

    @Test
    void theQueueListsUrgentFirstAndLoggingTheFirstContactStopsTheClock() throws Exception {
        var calm = IntakeFixtures.uniqueLastName();
        var urgent = IntakeFixtures.uniqueLastName();
        mvc.perform(form(calm, "steady")).andExpect(status().is3xxRedirection());
        mvc.perform(form(urgent, "I keep thinking about ending my life")).andExpect(status().is3xxRedirection());
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var html = mvc.perform(get("/intake").with(TestAccounts.as(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html.indexOf(urgent)).isPositive().isLessThan(html.indexOf(calm));
        assertThat(html).contains("business time left");

        var id = idOf(calm);
        mvc.perform(post("/intake/inquiries/" + id + "/contacts").with(csrf()).with(TestAccounts.as(coordinator))
                        .param("method", "phone").param("outcome", "reached").param("note", "Booked a consult"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status FROM inquiry WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("CONTACTED");
        mvc.perform(get("/intake/inquiries/" + id).with(TestAccounts.as(coordinator)))
                .andExpect(content().string(containsString("Clock stopped")))
                .andExpect(content().string(containsString("Booked a consult")));
    }

    @Test
    void aBadContactEntryKeepsTheNoteAndSaysWhy() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        mvc.perform(form(name, "hello")).andExpect(status().is3xxRedirection());
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        mvc.perform(post("/intake/inquiries/" + idOf(name) + "/contacts").with(csrf()).with(TestAccounts.as(coordinator))
                        .param("method", "carrier-pigeon").param("outcome", "reached").param("note", "typed note"))
                .andExpect(flash().attribute("contactNote", "typed note"))
                .andExpect(flash().attribute("contactProblem", "Choose how you made contact and how it went."));
    }

    @Test
    void aClinicianTriagesAnUrgentInquiryFromTheTriageList() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        mvc.perform(form(name, "better off dead")).andExpect(status().is3xxRedirection());
        var nurse = TestAccounts.create(context, Role.NURSE);
        mvc.perform(get("/intake/triage").with(TestAccounts.as(nurse)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)));
        var id = idOf(name);
        mvc.perform(post("/intake/inquiries/" + id + "/triage").with(csrf()).with(TestAccounts.as(nurse))
                        .param("note", "Called; safe tonight, safety plan started; consult tomorrow."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/intake/triage").with(TestAccounts.as(nurse)))
                .andExpect(content().string(not(containsString(name))));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'INQUIRY_TRIAGED' AND entity_id = :id")
                .param("id", id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void readingAnInquiryIsAudited() throws Exception {
        var name = IntakeFixtures.uniqueLastName();
        mvc.perform(form(name, "hello")).andExpect(status().is3xxRedirection());
        var id = idOf(name);
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        mvc.perform(get("/intake/inquiries/" + id).with(TestAccounts.as(coordinator))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'INQUIRY_VIEWED' AND entity_id = :id")
                .param("id", id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theHomePageShowsTheQueueToCoordinatorsAndTriageToClinicians() throws Exception {
        mvc.perform(form(IntakeFixtures.uniqueLastName(), "I want to die")).andExpect(status().is3xxRedirection());
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        mvc.perform(get("/").with(TestAccounts.as(coordinator)))
                .andExpect(content().string(containsString("Intake queue")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*\\d+ awaiting first contact, \\d+ overdue, [1-9]\\d* urgent.*")));
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        mvc.perform(get("/").with(TestAccounts.as(prescriber)))
                .andExpect(content().string(containsString("inquiries with a crisis finding wait for a clinician")));
        var admin = TestAccounts.create(context, Role.ADMIN);
        mvc.perform(get("/").with(TestAccounts.as(admin)))
                .andExpect(content().string(not(containsString("Intake queue"))));
    }

    @Test
    void anUnknownInquiryIs404() throws Exception {
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        mvc.perform(get("/intake/inquiries/" + UUID.randomUUID()).with(TestAccounts.as(coordinator)))
                .andExpect(status().isNotFound());
    }
}
