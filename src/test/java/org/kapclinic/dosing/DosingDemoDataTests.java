// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;
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
 * The demo clinic's dosing day, as the demo profile loads it (20 patients, its own database): past sessions are
 * discharged with their checks and devices, and Mesa's twelve chairs are in session on the board, one overdue and one
 * urgent.
 */
@ClinicIntegrationTest
@ActiveProfiles("demo")
@TestPropertySource(properties = "kap.demo.patients=20")
class DosingDemoDataTests {

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
    void pastSessionsAreDischargedWithTheirChecksAndMesaHasTwelveChairsInSession() throws Exception {
        long past = count("SELECT COUNT(*) FROM dosing_session WHERE status = 'DISCHARGED'");
        // every dosing appointment at Camelback and Tempe but today's four at Camelback
        assertThat(past).isEqualTo(count("""
                SELECT COUNT(*) FROM appointment a JOIN clinic_location l ON l.id = a.location_id
                WHERE a.type = 'DOSING' AND l.name <> 'Mesa (demo)'""") - 4).isPositive();
        assertThat(count("""
                SELECT COUNT(*) FROM dosing_session s WHERE s.status = 'DISCHARGED' AND (s.ended_at IS NULL
                    OR s.ready_at > s.ended_at OR s.escort IS NULL OR s.lot_number IS NULL
                    OR (SELECT COUNT(*) FROM dosing_check c WHERE c.session_id = s.id AND c.phase = 'PRE_DOSE') <> 1
                    OR (SELECT COUNT(*) FROM dosing_check c WHERE c.session_id = s.id AND c.phase = 'MONITORING') <> 4
                    OR (s.route = 'NASAL' AND (SELECT COUNT(*) FROM dosing_device d WHERE d.session_id = s.id)
                        <> s.planned_devices)
                    OR (s.route = 'IV' AND (s.weight_kg IS NULL OR s.rate_mg_per_hour IS NULL)))""")).isZero();

        var mesa = jdbc.sql("SELECT id FROM clinic_location WHERE name = 'Mesa (demo)'").query(UUID.class).single();
        assertThat(count("SELECT COUNT(*) FROM dosing_session WHERE location_id = '" + mesa + "'"
                + " AND status IN ('DOSING', 'OBSERVING')")).isEqualTo(12);
        assertThat(count("SELECT COUNT(*) FROM dosing_alert WHERE acknowledged_at IS NULL")).isEqualTo(1);

        var nurse = TestAccounts.load(context, "nurse@demo.kapclinic.test");
        var live = mvc.perform(get("/dosing/board/" + mesa + "/live").header("HX-Request", "true")
                .header("X-KAP-Passive", "1").with(TestAccounts.as(nurse))).andReturn().getResponse();
        assertThat(live.getStatus()).isEqualTo(200);
        var html = live.getContentAsString();
        assertThat(html.split("class=\"chair-card", -1)).hasSize(13);
        assertThat(html).contains("1 urgent").contains("SpO2 90% below 92%").contains("overdue");
        assertThat(context.getBean(DosingDemoData.class).holdsRealData()).isFalse();
    }
}
