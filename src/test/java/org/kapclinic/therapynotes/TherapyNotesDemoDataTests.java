// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo clinic's integration history and reflections, as the demo profile loads them (20 patients, the same
 * context as the dosing demo's test): every past dosed session has an item, most done, and the demo therapist has one
 * overdue on the list and the home card.
 */
@ClinicIntegrationTest
@ActiveProfiles("demo")
@TestPropertySource(properties = "kap.demo.patients=20")
class TherapyNotesDemoDataTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void everyPastDosedSessionHasAnItemAndTheDemoTherapistHasOneOverdue() throws Exception {
        assertThat(count("SELECT COUNT(*) FROM integration_item"))
                .isEqualTo(count("SELECT COUNT(*) FROM dosing_session WHERE status = 'DISCHARGED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM integration_item WHERE status = 'DONE' AND done_at <= due_at")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM integration_item WHERE status = 'DONE' AND done_at > due_at")).isPositive();
        var therapist = TestAccounts.load(context, "therapist1@demo.kapclinic.test");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM integration_item WHERE therapist_id = :t AND status = 'OPEN'"
                        + " AND due_at < CURRENT_TIMESTAMP")
                .param("t", therapist.id().value()).query(Long.class).single()).isEqualTo(1);
        var page = mvc.perform(get("/therapy/integrations").with(TestAccounts.as(therapist))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Overdue").contains("Integrations on time");
        assertThat(context.getBean(IntegrationHomeCard.class).cardFor(therapist).orElseThrow().needsAttention()).isTrue();

        assertThat(count("SELECT COUNT(*) FROM reflection")).isGreaterThanOrEqualTo(9);
        assertThat(count("SELECT COUNT(*) FROM reflection_prompt p JOIN patient x ON x.id = p.patient_id"
                + " WHERE x.email = 'patient@demo.kapclinic.test'")).isEqualTo(2);
        assertThat(context.getBean(IntegrationDemoData.class).holdsRealData()).isFalse();
        assertThat(context.getBean(ReflectionDemoData.class).holdsRealData()).isFalse();
    }
}
