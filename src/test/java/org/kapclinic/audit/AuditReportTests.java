// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

@ClinicIntegrationTest
class AuditReportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void filtersByPatientAndActionAndExportsTheSameRowsAsCsv() throws Exception {
        var patient = UUID.randomUUID();
        trail.recordAs("reader@test.kapclinic.test", "THERAPIST", AuditRecord.patient("PATIENT_VIEWED", patient));
        trail.recordAs("writer@test.kapclinic.test", "NURSE", AuditRecord.patient("PATIENT_UPDATED", patient));
        trail.recordAs("reader@test.kapclinic.test", "THERAPIST", AuditRecord.patient("PATIENT_VIEWED", UUID.randomUUID()));
        var admin = TestAccounts.create(context, Role.ADMIN);

        mvc.perform(get("/admin/audit").param("patient", patient.toString()).param("action", "patient_viewed")
                        .with(TestAccounts.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("reader@test.kapclinic.test")))
                .andExpect(content().string(not(containsString("writer@test.kapclinic.test"))))
                .andExpect(content().string(containsString("Matching entries: <span>1</span>")));

        var csv = mvc.perform(get("/admin/audit.csv").param("patient", patient.toString()).param("sort", "user")
                        .param("dir", "asc").with(TestAccounts.as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("audit.csv")))
                .andReturn().getResponse().getContentAsString();
        var lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("seq,occurred_at_utc,username");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("reader@test.kapclinic.test").contains("PATIENT_VIEWED");
        assertThat(lines[2]).contains("writer@test.kapclinic.test").contains("PATIENT_UPDATED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'AUDIT_EXPORTED' AND username = :u")
                .param("u", admin.email()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBadPatientFilterIsExplainedNextToTheField() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        mvc.perform(get("/admin/audit").param("patient", "Mockwell").with(TestAccounts.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a patient ID")))
                .andExpect(content().string(containsString("value=\"Mockwell\"")));
    }

    @Test
    void anUnreadableDateIsExplainedNotAnError() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        mvc.perform(get("/admin/audit").param("from", "2026-13-45").with(TestAccounts.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter dates as YYYY-MM-DD")));
    }

    @Test
    void onlyAdminsReadTheAuditTrail() throws Exception {
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        mvc.perform(get("/admin/audit").with(TestAccounts.as(prescriber))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit.csv").with(TestAccounts.as(prescriber))).andExpect(status().isForbidden());
    }
}
