// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.patients.PatientFixtures;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin's download: the zip's contents, its single snapshot, and its audit entry. */
@ClinicIntegrationTest
class FullExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicExport export;

    @Autowired
    Flyway flyway;

    @Autowired
    PlatformTransactionManager transactions;

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static long rowsOf(JsonNode manifest, String table) {
        for (var entry : manifest.get("tables")) {
            if (entry.get("name").asString().equals(table)) {
                return entry.get("rows").asLong();
            }
        }
        throw new AssertionError("no table " + table + " in the manifest");
    }

    @Test
    void anAdminDownloadsEveryTableAsCsvWithAManifestAndTheDownloadIsAudited() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        TestAccounts.runAs(intake, () -> context.getBean(Patients.class).register(PatientFixtures.details(
                "Zoë Ñandú-Test Дмитрий", PatientFixtures.uniqueFamily(), java.time.LocalDate.of(1980, 2, 29))));
        mvc.perform(get("/admin/export").with(TestAccounts.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Download the full export (zip)")))
                .andExpect(content().string(containsString("spring_session")));

        var started = mvc.perform(post("/admin/export").with(csrf()).with(TestAccounts.as(admin)))
                .andExpect(request().asyncStarted())
                .andReturn();
        var response = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"kap-clinic-export-")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse();
        var files = unzip(response.getContentAsByteArray());

        var manifest = JsonMapper.builder().build().readTree(files.get("manifest.json"));
        assertThat(manifest.get("format").asString()).isEqualTo("kap-clinic-export/1");
        assertThat(manifest.get("schemaVersion").asString()).isEqualTo(flyway.info().current().getVersion().getVersion());
        assertThat(manifest.get("createdBy").asString()).isEqualTo(admin.email());
        assertThat(Instant.parse(manifest.get("createdAt").asString())).isNotNull();
        assertThat(manifest.get("sequences").get("patient_mrn_seq").asLong()).isGreaterThan(100000);
        long patients = jdbc.sql("SELECT COUNT(*) FROM patient").query(Long.class).single();
        assertThat(rowsOf(manifest, "patient")).isEqualTo(patients).isPositive();
        assertThat(files).containsKeys("tables/patient.csv", "tables/audit_entry.csv", "tables/dosing_session.csv")
                .doesNotContainKeys("tables/spring_session.csv", "tables/spring_session_attributes.csv",
                        "tables/shedlock.csv", "tables/flyway_schema_history.csv");
        assertThat(manifest.get("excludedTables").toString()).contains("flyway_schema_history", "shedlock");

        var patientCsv = new String(files.get("tables/patient.csv"), StandardCharsets.UTF_8);
        assertThat(patientCsv).startsWith("id,mrn,legal_given_name,").contains("Zoë Ñandú-Test Дмитрий");
        assertThat(patientCsv.split("\r\n")).hasSize((int) patients + 1);
        assertThat(patientCsv).containsPattern(",\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z,");

        // The FHIR module's contribution: one NDJSON file per resource type, the patient among them.
        assertThat(manifest.get("contributions").toString()).contains("fhir");
        var fhirPatients = new String(files.get("fhir/Patient.ndjson"), StandardCharsets.UTF_8);
        assertThat(fhirPatients.lines()).allMatch(line -> line.startsWith("{\"resourceType\":\"Patient\""));
        assertThat(fhirPatients).contains("Zoë Ñandú-Test Дмитрий");
        assertThat(files).containsKey("fhir/Questionnaire.ndjson");

        var entry = jdbc.sql("""
                SELECT username, outcome, details FROM audit_entry WHERE action = 'DATA_EXPORTED'
                ORDER BY seq DESC LIMIT 1""").query().singleRow();
        assertThat(entry.get("username")).isEqualTo(admin.email());
        assertThat(entry.get("outcome")).isEqualTo("SUCCESS");
        long total = 0;
        for (var table : manifest.get("tables")) {
            total += table.get("rows").asLong();
        }
        assertThat((String) entry.get("details")).contains("rows=" + total).contains("patients=" + patients)
                .contains("manifest-sha256=" + ClinicExport.sha256(files.get("manifest.json")));
    }

    @Test
    void theExportReadsOneSnapshotWhileTheClinicGoesOnWritingAndAddsEachContributionsFolder() throws Exception {
        var key = "export-test:" + java.util.UUID.randomUUID();
        var independent = new TransactionTemplate(transactions);
        independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        long[] seenInside = new long[1];
        ExportContribution probe = new ExportContribution() {
            @Override
            public String folder() {
                return "probe";
            }

            @Override
            public void writeTo(Files files) throws IOException {
                // another user's write commits while the export runs; the export must not see it
                independent.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at)
                        VALUES (:key, 1, CURRENT_TIMESTAMP)""").param("key", key).update());
                seenInside[0] = jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle").query(Long.class).single();
                files.add("count.txt", out -> out.write(("sign_in_throttle=" + seenInside[0])
                        .getBytes(StandardCharsets.UTF_8)));
            }
        };
        try {
            var out = new ByteArrayOutputStream();
            var summary = export.write(out, "export-test", "ADMIN", List.of(probe));
            var files = unzip(out.toByteArray());
            var manifest = JsonMapper.builder().build().readTree(files.get("manifest.json"));
            long now = jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle").query(Long.class).single();
            assertThat(rowsOf(manifest, "sign_in_throttle")).isEqualTo(seenInside[0]).isEqualTo(now - 1);
            assertThat(new String(files.get("probe/count.txt"), StandardCharsets.UTF_8))
                    .isEqualTo("sign_in_throttle=" + (now - 1));
            assertThat(new String(files.get("tables/sign_in_throttle.csv"), StandardCharsets.UTF_8)).doesNotContain(key);
            assertThat(manifest.get("contributions").toString()).contains("probe").contains("count.txt");
            assertThat(summary.rows()).isPositive();
        } finally {
            jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = :key").param("key", key).update();
        }
    }

    @Test
    void aContributionMayNotWriteOutsideItsFolder() {
        ExportContribution escaping = new ExportContribution() {
            @Override
            public String folder() {
                return "tables";
            }

            @Override
            public void writeTo(Files files) {}
        };
        var out = new ByteArrayOutputStream();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> export.write(out, "export-test", "ADMIN",
                List.of(escaping))).hasMessageContaining("folder");
        var failure = jdbc.sql("""
                SELECT outcome FROM audit_entry WHERE action = 'DATA_EXPORTED' AND username = 'export-test'
                ORDER BY seq DESC LIMIT 1""").query(String.class).single();
        assertThat(failure).isEqualTo("FAILURE");
    }
}
