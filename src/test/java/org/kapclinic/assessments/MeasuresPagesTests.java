// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Clinician entry: bad input is named next to each field, nothing typed is lost, and nothing is stored. */
@ClinicIntegrationTest
class MeasuresPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void aBadDateAndMissingItemsAreAllNamedTheAnswersKeptAndTheFlagShown() throws Exception {
        var f = CareTeamFixture.create(context);
        var page = mvc.perform(post("/patients/{id}/measures/enter", f.patient().value()).with(csrf())
                        .with(TestAccounts.as(f.therapist())).param("instrument", "madrs").param("item-1", "3")
                        .param("item-10", "4").param("administeredAt", "yesterday"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"administeredAt-error\"").contains("value=\"yesterday\"")
                .contains("id=\"e-2\"").contains("Please answer this question.").doesNotContain("id=\"e-1\"")
                .contains("acute-suicide-risk");
        assertThat(page).containsPattern("name=\"item-10\" value=\"4\"[^>]*checked");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment WHERE patient_id = :p").param("p", f.patient().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCompleteRatingIsSavedAndRedirectsToTheMeasures() throws Exception {
        var f = CareTeamFixture.create(context);
        mvc.perform(post("/patients/{id}/measures/enter", f.patient().value()).with(csrf())
                        .with(TestAccounts.as(f.therapist())).param("instrument", "moaas").param("item-1", "5"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT total FROM assessment WHERE patient_id = :p").param("p", f.patient().value())
                .query(Integer.class).single()).isEqualTo(5);
    }
}
