// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The staff pages for patient records, through the real templates. */
@ClinicIntegrationTest
class PatientPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Patients patients;

    ClinicUser intake;

    @BeforeEach
    void signIn() {
        intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
    }

    @Test
    void registrationShowsEachProblemNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/patients").with(TestAccounts.as(intake)).with(csrf())
                        .param("legalGivenName", "Kept-Given").param("legalFamilyName", "")
                        .param("dateOfBirth", "2999-01-01").param("postalCode", "12").param("city", "Kept City")
                        .param("phone", "call me maybe").param("email", "not-an-email"))
                .andExpect(status().isOk())
                .andExpect(view().name("patients/patient-form"))
                .andExpect(model().attributeHasFieldErrors("form", "legalFamilyName", "dateOfBirth", "postalCode",
                        "sexAssignedAtBirth", "phone", "email"))
                .andExpect(content().string(containsString("id=\"legalFamilyName-error\"")))
                .andExpect(content().string(containsString("Enter the legal last name.")))
                .andExpect(content().string(containsString("Enter a ZIP code: 5 digits, or ZIP+4.")))
                .andExpect(content().string(containsString("value=\"Kept-Given\"")))
                .andExpect(content().string(containsString("value=\"Kept City\"")))
                .andExpect(content().string(containsString("value=\"call me maybe\"")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    }

    @Test
    void anUnparseableDateIsAFieldErrorThatKeepsTheTypedText() throws Exception {
        mvc.perform(post("/patients").with(TestAccounts.as(intake)).with(csrf())
                        .param("legalGivenName", "Ada").param("legalFamilyName", "Mockwell")
                        .param("dateOfBirth", "31/02/1984").param("sexAssignedAtBirth", "FEMALE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "dateOfBirth"))
                .andExpect(content().string(containsString("value=\"31/02/1984\"")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void registersCorrectsAndShowsHistory() throws Exception {
        var family = PatientFixtures.uniqueFamily();
        var location = mvc.perform(post("/patients").with(TestAccounts.as(intake)).with(csrf())
                        .param("legalGivenName", "Ada").param("legalFamilyName", family)
                        .param("dateOfBirth", "1984-03-07").param("sexAssignedAtBirth", "FEMALE").param("state", "NY"))
                .andExpect(redirectedUrlPattern("/patients/*?registered"))
                .andReturn().getResponse().getRedirectedUrl();
        var path = location.substring(0, location.indexOf('?'));
        mvc.perform(get(location).with(TestAccounts.as(intake)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Patient registered. MRN")))
                .andExpect(content().string(containsString(family + ", Ada")));
        mvc.perform(get(path + "/edit").with(TestAccounts.as(intake)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"1984-03-07\"")));
        // A new record is at version 0; the form carries it back so a stale edit can be refused.
        mvc.perform(post(path).with(TestAccounts.as(intake)).with(csrf()).param("version", "0")
                        .param("legalGivenName", "Adah").param("legalFamilyName", family)
                        .param("dateOfBirth", "1984-03-07").param("sexAssignedAtBirth", "FEMALE"))
                .andExpect(redirectedUrlPattern("/patients/*?saved"));
        mvc.perform(get(path + "/history").with(TestAccounts.as(intake)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("CORRECTED")))
                .andExpect(content().string(containsString("Adah")));
        mvc.perform(get("/patients").param("q", family).with(TestAccounts.as(intake)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(family + ", Adah")));
    }

    @Test
    void aStaleEditIsShownAsAProblemWithTheTypedValuesKept() throws Exception {
        var family = PatientFixtures.uniqueFamily();
        var id = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Ada", family, LocalDate.of(1984, 3, 7))));
        TestAccounts.runAs(intake, () -> patients.correct(id, PatientFixtures.details("Bea", family, LocalDate.of(1984, 3, 7)), 0));
        mvc.perform(post("/patients/" + id).with(TestAccounts.as(intake)).with(csrf()).param("version", "0")
                        .param("legalGivenName", "Typed-By-Me").param("legalFamilyName", family)
                        .param("dateOfBirth", "1984-03-07").param("sexAssignedAtBirth", "FEMALE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("value=\"Typed-By-Me\"")));
    }

    @Test
    void voidingNeedsAReasonAndIsShownOnTheRecord() throws Exception {
        var id = TestAccounts.runAs(intake, () -> patients.register(
                PatientFixtures.details("Ada", PatientFixtures.uniqueFamily(), LocalDate.of(1984, 3, 7))));
        // the form posts back to itself with the CSRF token, as a browser needs (without it the POST is refused)
        mvc.perform(get("/patients/" + id + "/void").with(TestAccounts.as(intake)))
                .andExpect(content().string(containsString("action=\"/patients/" + id + "/void\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(post("/patients/" + id + "/void").with(TestAccounts.as(intake)).with(csrf()).param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the reason for voiding this record.")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(post("/patients/" + id + "/void").with(TestAccounts.as(intake)).with(csrf()).param("reason", "Duplicate record"))
                .andExpect(redirectedUrlPattern("/patients/*"));
        mvc.perform(get("/patients/" + id).with(TestAccounts.as(intake)))
                .andExpect(content().string(containsString("VOIDED")))
                .andExpect(content().string(containsString("Duplicate record")));
    }

    @Test
    void aPatientInvitedToThePortalSeesTheirRecordAndCrisisResources() throws Exception {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var id = TestAccounts.runAs(intake, () -> patients.register(
                PatientFixtures.details("Portia", PatientFixtures.uniqueFamily(), LocalDate.of(1984, 3, 7))));
        mvc.perform(post("/patients/" + id + "/care-team").with(TestAccounts.as(intake)).with(csrf())
                .param("therapistId", therapist.id().toString()).param("prescriberId", ""));
        var invited = mvc.perform(post("/patients/" + id + "/portal-invitation").with(TestAccounts.as(intake)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/invite/")))
                .andReturn();
        var invitation = (org.kapclinic.security.Invitation) invited.getModelAndView().getModel().get("invitation");
        var patientUser = TestAccounts.load(context, invitation.email());
        mvc.perform(get("/portal").with(TestAccounts.as(patientUser)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hello, <span>Portia</span>")))
                .andExpect(content().string(containsString(therapist.displayName())))
                .andExpect(content().string(containsString("988")))
                .andExpect(content().string(containsString("741741")));
        assertThat(patientUser.roles()).containsExactly(Role.PATIENT);
    }

    @Test
    void anUnreadableSearchSaysWhyInsteadOfListingNothingSilently() throws Exception {
        mvc.perform(get("/patients").param("q", "12345").with(TestAccounts.as(intake)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not a name, a date or a valid MRN")));
    }

    @Test
    void aMistypedRecordLinkIsAFriendly404() throws Exception {
        mvc.perform(get("/patients/not-a-uuid").with(TestAccounts.as(intake)).accept("text/html"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Exception"))));
    }
}
