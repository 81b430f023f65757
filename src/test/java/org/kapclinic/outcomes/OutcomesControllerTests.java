// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ClinicIntegrationTest
class OutcomesControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @Test
    void showsAMessageNextToEachFieldThatCannotBeReadAndKeepsWhatWasTyped() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var html = mvc.perform(get("/outcomes").param("from", "2024-02-30").param("location", "nowhere")
                        .with(TestAccounts.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"from-error\"").contains("Enter a date as YYYY-MM-DD")
                .contains("id=\"location-error\"").contains("Choose a location from the list.")
                .contains("value=\"2024-02-30\"").doesNotContain("id=\"rates-table\"");
    }

    @Test
    void showsTheCohortTablesWithCountsAndIntervals() throws Exception {
        var fixture = new OutcomesFixture(context);
        var location = fixture.location("Outcomes controller site");
        var first = OutcomesDashboardTests.day(2007, 50);
        var p = fixture.patient(null);
        fixture.course(p, "ESKETAMINE", "esketamine-trd", location, OutcomesDashboardTests.doses(first, 0, 3, 7), null, null);
        fixture.score(p, "madrs", first.minus(Duration.ofHours(2)), 30);
        fixture.score(p, "madrs", first.plus(Duration.ofDays(14)), 10);
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var html = mvc.perform(get("/outcomes").param("location", location.toString()).param("from", "2007-01-01")
                        .param("to", "2007-12-31").with(TestAccounts.as(prescriber)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"rates-table\"").contains("1 of 1").contains("21–100 %")
                .contains("data-chart=").contains("/js/outcomes.js").contains("TRANSFORM-2");
    }

    @Test
    void downloadsATableAsCsvWithCountsAndBothBoundsAndAuditsIt() throws Exception {
        var fixture = new OutcomesFixture(context);
        var location = fixture.location("Outcomes csv site");
        var first = OutcomesDashboardTests.day(2008, 50);
        for (int i = 0; i < 10; i++) {
            var p = fixture.patient(null);
            fixture.course(p, "IV_KETAMINE", "iv-ketamine-series", location, OutcomesDashboardTests.doses(first, 0, 2), null, null);
            fixture.score(p, "phq9", first.minus(Duration.ofDays(1)), 20);
            fixture.score(p, "phq9", first.plus(Duration.ofDays(10)), i < 8 ? 4 : 18);
        }
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'OUTCOMES_VIEWED' AND entity_id = 'csv:rates'")
                .query(Long.class).single();
        var csv = mvc.perform(get("/outcomes.csv").param("table", "rates").param("location", location.toString())
                        .param("from", "2008-01-01").param("to", "2008-12-31").with(TestAccounts.as(prescriber)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("instrument,outcome,definition,window_days,count,total,rate,ci95_lower,ci95_upper")
                .contains("PHQ-9,response,≥ 50 % reduction,28,8,10,0.8000,0.4902,0.9433")
                .contains("PHQ-9,remission,< 5,28,8,10,0.8000,0.4902,0.9433");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'OUTCOMES_VIEWED' AND entity_id = 'csv:rates'")
                .query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void refusesAnUnknownTableOrABadFilterWith400NotAnError() throws Exception {
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        mvc.perform(get("/outcomes.csv").param("table", "secrets").with(TestAccounts.as(prescriber)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/outcomes.csv").param("to", "soon").with(TestAccounts.as(prescriber)))
                .andExpect(status().isBadRequest()).andExpect(content().string(org.hamcrest.Matchers.containsString("to: ")));
        mvc.perform(get("/api/v1/outcomes").param("modality", "X").accept("application/json")
                        .with(TestAccounts.as(prescriber)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("modality"));
    }

    @Test
    void servesTheFiguresAsJson() throws Exception {
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        mvc.perform(get("/api/v1/outcomes").param("from", "2009-01-01").param("to", "2009-12-31")
                        .accept("application/json").with(TestAccounts.as(prescriber)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.courses").value(0))
                .andExpect(jsonPath("$.references").isArray());
    }
}
