// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.ApiTokens;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ClinicIntegrationTest
class PatientApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private String body(String family) {
        return """
                {"legalGivenName":"Ada","legalFamilyName":"%s","dateOfBirth":"1984-03-07","sexAssignedAtBirth":"FEMALE",
                 "state":"NY","postalCode":"10001"}""".formatted(family);
    }

    private String tokenFor(Role role) {
        var user = TestAccounts.create(context, role);
        var admin = TestAccounts.create(context, Role.ADMIN);
        return org.kapclinic.security.TestMfa.issueToken(context, admin, user, "test program").secret();
    }

    @Test
    void anonymousCallsGet401AsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/patients"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void anUnknownTokenGets401() throws Exception {
        mvc.perform(get("/api/v1/patients").header("Authorization", "Bearer kap_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aTokenCreatesReadsAndUpdatesWithoutCsrf() throws Exception {
        var token = "Bearer " + tokenFor(Role.INTAKE_COORDINATOR);
        var family = PatientFixtures.uniqueFamily();
        var created = mvc.perform(post("/api/v1/patients").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(body(family)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/patients/")))
                .andExpect(jsonPath("$.mrn").value(startsWith("KC")))
                .andReturn().getResponse();
        var location = created.getHeader("Location");
        var etag = created.getHeader("ETag");
        mvc.perform(get(location).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.details.legalFamilyName").value(family));
        mvc.perform(put(location).header("Authorization", token).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content(body(family).replace("Ada", "Adah")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.details.legalGivenName").value("Adah"));
        mvc.perform(put(location).header("Authorization", token).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content(body(family).replace("Ada", "Stale")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/patients").param("q", family).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
        var uses = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'API_TOKEN_USED'").query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(uses).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aSessionWorksForTheSameRoute() throws Exception {
        var nurse = TestAccounts.create(context, Role.NURSE);
        mvc.perform(get("/api/v1/patients").with(TestAccounts.as(nurse)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0));
        mvc.perform(post("/api/v1/patients").with(TestAccounts.as(nurse))
                        .contentType(MediaType.APPLICATION_JSON).content(body(PatientFixtures.uniqueFamily())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/patients").with(TestAccounts.as(nurse)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(PatientFixtures.uniqueFamily())))
                .andExpect(status().isCreated());
    }

    @Test
    void badInputGetsFieldErrorsNotA500() throws Exception {
        var token = "Bearer " + tokenFor(Role.THERAPIST);
        mvc.perform(post("/api/v1/patients").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"legalGivenName":"","legalFamilyName":"X","dateOfBirth":"2999-01-01","postalCode":"12"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("legalGivenName", "dateOfBirth", "sexAssignedAtBirth", "postalCode")));
        mvc.perform(post("/api/v1/patients").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/patients").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dateOfBirth\":\"not-a-date\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/patients/not-a-uuid").header("Authorization", token))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/patients/00000000-0000-0000-0000-000000000000").header("Authorization", token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anAdminTokenIsForbiddenFromPatientData() throws Exception {
        var token = "Bearer " + tokenFor(Role.ADMIN);
        mvc.perform(get("/api/v1/patients").header("Authorization", token))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aRevokedTokenStopsWorking() throws Exception {
        var user = TestAccounts.create(context, Role.PRESCRIBER);
        var admin = TestAccounts.create(context, Role.ADMIN);
        var tokens = context.getBean(ApiTokens.class);
        org.kapclinic.security.TestMfa.enrol(context, user);
        var issued = org.kapclinic.security.TestMfa.runAsWithCode(admin, () -> tokens.issue(user.id(), "to revoke"));
        mvc.perform(get("/api/v1/patients").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isOk());
        TestAccounts.runAs(admin, () -> tokens.revoke(issued.id()));
        mvc.perform(get("/api/v1/patients").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void servesAnOpenApiDocumentListingThePatientsApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/patients']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/patients/{id}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/patients'].get.tags", hasItem("Patients")));
    }

    @Test
    void aPatientReadsOnlyTheirOwnRecordThroughTheApi() throws Exception {
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var patients = context.getBean(Patients.class);
        var family = PatientFixtures.uniqueFamily();
        var own = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Own", family, java.time.LocalDate.of(1990, 1, 1))));
        var other = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Other", family, java.time.LocalDate.of(1990, 1, 2))));
        var invitation = TestAccounts.runAs(intake, () -> patients.invitePortalAccount(own));
        var patientUser = TestAccounts.load(context, invitation.email());
        mvc.perform(get("/api/v1/patients/" + own).with(TestAccounts.as(patientUser)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.details.legalGivenName").value("Own"));
        mvc.perform(get("/api/v1/patients/" + other).with(TestAccounts.as(patientUser)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/patients").with(TestAccounts.as(patientUser))).andExpect(status().isForbidden());
        mvc.perform(get("/patients/" + own).with(TestAccounts.as(patientUser))).andExpect(status().isForbidden());
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'PATIENT_ACCESS_DENIED' AND patient_id = :id")
                .param("id", other.value()).query(Long.class).single()).isEqualTo(1);
    }
}
