// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.MockMvc;

/** POST /api/v1/instruments/{code}/score and the catalogue, as an API-token program uses them. */
@ClinicIntegrationTest
class InstrumentApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    private String token() {
        var nurse = TestAccounts.create(context, Role.NURSE);
        var admin = TestAccounts.create(context, Role.ADMIN);
        return "Bearer " + org.kapclinic.security.TestMfa.issueToken(context, admin, nurse, "scoring").secret();
    }

    @Test
    void aCompletePhq9IsScoredWithSeverityAndFlags() throws Exception {
        mvc.perform(post("/api/v1/instruments/phq9/score").header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\":{\"1\":2,\"2\":2,\"3\":1,\"4\":1,\"5\":1,\"6\":1,\"7\":1,\"8\":1,\"9\":1}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instrument").value("phq9"))
                .andExpect(jsonPath("$.total").value(11))
                .andExpect(jsonPath("$.severity").value("moderate"))
                .andExpect(jsonPath("$.flags[0]").value("suicidal-ideation"));
    }

    @Test
    void qidsAnswersItsDomainsAndMoodHasANullSeverity() throws Exception {
        var token = token();
        mvc.perform(post("/api/v1/instruments/qids-sr16/score").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\":{\"1\":1,\"2\":3,\"3\":0,\"4\":0,\"5\":2,\"6\":0,\"7\":1,\"8\":0,\"9\":0,"
                                + "\"10\":1,\"11\":1,\"12\":0,\"13\":1,\"14\":2,\"15\":0,\"16\":1}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.domains.sleep").value(3))
                .andExpect(jsonPath("$.domains.appetiteWeight").value(1))
                .andExpect(jsonPath("$.total").value(12))
                .andExpect(jsonPath("$.severity").value("moderate"));
        mvc.perform(post("/api/v1/instruments/mood/score").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{\"1\":7}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.severity").value(nullValue()));
    }

    @Test
    void partialAnswersGet400NamingEachItemButKeepTheSafetyFlag() throws Exception {
        mvc.perform(post("/api/v1/instruments/phq9/score").header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{\"1\":9,\"9\":2,\"12\":0}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("answers.1")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("answers.2")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("answers.12")))
                .andExpect(jsonPath("$.flags[0]").value("suicidal-ideation"));
    }

    @Test
    void anUnknownInstrumentIs404ProblemJson() throws Exception {
        mvc.perform(post("/api/v1/instruments/hamd/score").header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{}}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void theCatalogueListsEveryInstrumentWithItsDefinition() throws Exception {
        var token = token();
        mvc.perform(get("/api/v1/instruments").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(hasItem("cssrs")))
                .andExpect(jsonPath("$[*].code").value(hasItem("asq")));
        mvc.perform(get("/api/v1/instruments/phq9").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.loinc.panel").value("44249-1"))
                .andExpect(jsonPath("$.items[8].loinc").value("44260-8"));
    }
}
