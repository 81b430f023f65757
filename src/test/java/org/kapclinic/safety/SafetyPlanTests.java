// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The Stanley-Brown safety plan: versioned saves, field errors that keep the text, the portal view and the PDF. */
@ClinicIntegrationTest
class SafetyPlanTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SafetyPlans plans;

    private static SafetyPlan.Steps steps(String warning, String reasons) {
        return new SafetyPlan.Steps(warning, "Walk the dog\nMusic", "Coffee shop on Main St", "Sam (sister) 555-010-0142",
                "988\nDr. Prescott-Demo 555-010-0100", "Medicines locked at my sister's", reasons);
    }

    @Test
    void everySaveIsANewVersionAndEarlierOnesStayReadable() {
        var f = CareTeamFixture.create(context);
        var first = TestAccounts.runAs(f.therapist(), () -> plans.save(f.patient(), steps("Not sleeping", "My kids")));
        var second = TestAccounts.runAs(f.therapist(), () -> plans.save(f.patient(), steps("Not sleeping\nSkipping meals", "My kids")));
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        var versions = TestAccounts.runAs(f.therapist(), () -> plans.versions(f.patient()));
        assertThat(versions).extracting(SafetyPlan::version).containsExactly(2, 1);
        assertThat(versions.get(1).list().get(0).lines()).containsExactly("Not sleeping");
        assertThat(versions.get(0).list().get(0).lines()).containsExactly("Not sleeping", "Skipping meals");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'SAFETY_PLAN_SAVED' AND patient_id = :p")
                .param("p", f.patient().value()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anEmptyPlanIsRefusedWithTheReasonNextToTheFirstStepAndTheTextKept() throws Exception {
        var f = CareTeamFixture.create(context);
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(),
                () -> plans.save(f.patient(), new SafetyPlan.Steps(" ", "", "", "", "988", "", ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("warningSigns:");
        var page = mvc.perform(post("/patients/{id}/safety-plan", f.patient().value()).with(csrf())
                        .with(TestAccounts.as(f.therapist())).param("warningSigns", "").param("professionals", "Call 988 first"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"warningSigns-error\"").contains("Write at least one step with the patient")
                .contains("Call 988 first");
    }

    @Test
    void thePatientReadsTheLatestVersionInThePortalAndPrintsIt() throws Exception {
        var f = CareTeamFixture.create(context);
        TestAccounts.runAs(f.therapist(), () -> plans.save(f.patient(), steps("Not sleeping", "My garden")));
        TestAccounts.runAs(f.therapist(),
                () -> plans.save(f.patient(), steps("Pacing at night", "My garden, Мой сад, Ελπίδα")));
        var patients = context.getBean(Patients.class);
        var invitation = TestAccounts.runAs(f.therapist(), () -> patients.invitePortalAccount(f.patient()));
        var patient = TestAccounts.load(context, invitation.email());

        var page = mvc.perform(get("/portal/safety-plan").with(TestAccounts.as(patient)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Pacing at night").doesNotContain("Not sleeping").contains("Version 2");

        var pdf = mvc.perform(get("/portal/safety-plan.pdf").with(TestAccounts.as(patient)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        var bytes = pdf.getContentAsByteArray();
        try (var document = Loader.loadPDF(bytes)) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("My safety plan").contains("Pacing at night").contains("My garden, Мой сад, Ελπίδα")
                    .contains("988").contains("Reasons for living");
            // Any script prints: the font is embedded rather than the standard Helvetica, which has no Cyrillic.
            for (var printed : document.getPages()) {
                for (var name : printed.getResources().getFontNames()) {
                    assertThat(printed.getResources().getFont(name).isEmbedded()).as(name.getName()).isTrue();
                }
            }
        }
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "safety-plan.pdf"), bytes);
    }

    @Test
    void withNoPlanYetThePrintoutIsTheBlankFormWithTheCrisisLines() throws Exception {
        var f = CareTeamFixture.create(context);
        var bytes = mvc.perform(get("/patients/{id}/safety-plan.pdf", f.patient().value())
                        .with(TestAccounts.as(f.therapist())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("blank form").contains("741741");
        }
    }
}
