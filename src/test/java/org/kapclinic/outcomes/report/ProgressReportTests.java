// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.TestDatabases;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.assessments.Channel;
import org.kapclinic.dosing.DosingFixture;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The progress report's two versions, read back from the PDF with PDFBox: the patient named (any script), the doses,
 * the latest scores and status; plain language and crisis resources for the patient, clinician-only detail absent from
 * the patient's; every font embedded; access as the pages; an audit entry per report.
 */
@ClinicIntegrationTest
class ProgressReportTests {

    static final String NAME_GIVEN = "Zoë Łukasz";
    static final String NAME_FAMILY = "Дмитрий Ελένη";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    record Fixture(DosingFixture dosing, ClinicUser patientUser) {}

    /** A patient with PHQ-9 from 16 to 3 (remission), one ketamine IV session of 35 mg with nausea and a high BP. */
    private Fixture patientWithATreatmentCourse() {
        var dosing = DosingFixture.open(context, Modality.IV_KETAMINE, 3).cleared(context);
        var patient = dosing.patient();
        var family = NAME_FAMILY + " " + UUID.randomUUID().toString().substring(0, 4);
        jdbc.sql("UPDATE patient SET legal_given_name = :g, legal_family_name = :f WHERE id = :id")
                .param("g", NAME_GIVEN).param("f", family).param("id", patient.value()).update();
        var assessments = context.getBean(Assessments.class);
        var now = TestClock.INSTANCE.instant();
        TestAccounts.runAs(dosing.prescriber(), () -> {
            assessments.recordByClinician(patient, "phq9", phq9(2, 0), now.minus(Duration.ofDays(20)), Channel.CLINICIAN);
            assessments.recordByClinician(patient, "phq9", phq9(1, 0), now.minus(Duration.ofDays(10)), Channel.CLINICIAN);
            assessments.recordByClinician(patient, "phq9", phq9(0, 3), now.minus(Duration.ofHours(1)), Channel.CLINICIAN);
        });
        var opened = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        // the administration and a monitoring check as the dosing pages record them (columns of dosing's own tables)
        jdbc.sql("""
                UPDATE dosing_session SET status = 'DISCHARGED', dose_number = 1, drug = 'KETAMINE', route = 'IV',
                    dose_mg = 35.00, mg_per_kg = 0.500, dose_started_at = :t, ended_at = :t WHERE id = :id""")
                .param("t", opened.plusMinutes(10)).param("id", dosing.session()).update();
        jdbc.sql("""
                INSERT INTO dosing_check (id, session_id, phase, taken_at, systolic, diastolic, heart_rate, spo2,
                    resp_rate, moaas, dissociation, side_effects, flags, recorded_at, recorded_by)
                VALUES (:id, :s, 'MONITORING', :t, 168, 96, 88, 97, 14, 3, 'MODERATE', 'NAUSEA:MILD,DIZZINESS:MODERATE',
                    'BP 168/96 above 160/100 acknowledgment line', :t, 'test')""")
                .param("id", UUID.randomUUID()).param("s", dosing.session()).param("t", opened.plusMinutes(40)).update();
        var invitation = TestAccounts.runAs(dosing.prescriber(),
                () -> context.getBean(Patients.class).invitePortalAccount(patient));
        return new Fixture(dosing, TestAccounts.load(context, invitation.email()));
    }

    /** Items 1 to 8 at {@code each}, item 9 (self-harm) always 0, plus {@code extra} on item 1. */
    private static Map<String, Integer> phq9(int each, int extra) {
        var answers = new HashMap<String, Integer>();
        for (int i = 1; i <= 9; i++) {
            answers.put(String.valueOf(i), i == 9 ? 0 : each);
        }
        answers.put("1", each + extra);
        return answers;
    }

    private byte[] download(String url, ClinicUser user) throws Exception {
        return mvc.perform(get(url).with(TestAccounts.as(user)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // bold runs inside a sentence come out in reading order
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    /** Every font on every page is embedded (what pdffonts shows as "emb yes"). */
    private static void assertFontsEmbedded(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            int fonts = 0;
            for (var page : document.getPages()) {
                var resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
    }

    @Test
    void theClinicianVersionHasScoresWithBaselinesThresholdsDosesAndVitalsExcursions() throws Exception {
        var f = patientWithATreatmentCourse();
        var pdf = download("/patients/" + f.dosing().patient().value() + "/progress-report.pdf?audience=clinician",
                f.dosing().prescriber());
        var text = text(pdf);
        assertThat(text).contains(NAME_GIVEN).contains("Дмитрий").contains("Ελένη") // the cell may wrap the name
                .contains("Progress report").contains("for the referring clinician").contains("MRN")
                .contains("Baseline").contains("Remission threshold").contains("PHQ-9")
                .containsPattern("PHQ-9 16 3 -81 % ≤ 8.0 < 5 3 Remission")
                .contains("Ketamine IV").contains("infusion").contains("35 mg (0.5 mg/kg)").contains("168/96")
                .contains("MOAA/S").contains("Moderate").contains("Nausea").contains("Dizziness (moderate)")
                .contains("Side effects over all sessions Side effect Sessions Worst severity Nausea 1 of 1 mild")
                .contains("Vitals excursions").contains("BP 168/96 above 160/100 acknowledgment line")
                .contains("Safety plan").contains("None on file.");
        assertFontsEmbedded(pdf);
        savePageForALook(pdf, "clinician");

        var audit = jdbc.sql("""
                SELECT username, details FROM audit_entry WHERE action = 'PROGRESS_REPORT_GENERATED' AND patient_id = :p
                ORDER BY seq DESC LIMIT 1""").param("p", f.dosing().patient().value()).query().singleRow();
        assertThat(audit.get("username")).isEqualTo(f.dosing().prescriber().email());
        assertThat((String) audit.get("details")).startsWith("audience=clinician");
    }

    @Test
    void thePatientVersionIsInPlainLanguageWithCrisisResourcesAndWithoutClinicianDetail() throws Exception {
        var f = patientWithATreatmentCourse();
        var pdf = download("/portal/progress.pdf", f.patientUser());
        var text = text(pdf);
        assertThat(text).contains("Your progress report").contains(NAME_GIVEN).contains(NAME_FAMILY)
                .contains("Depression questionnaire (PHQ-9)")
                .contains("Your first score was 16. Your most recent score was 3 (down 13 points).")
                .contains("Your score is now in the range where symptoms are minimal.")
                .contains("Ketamine IV infusion").contains("35 mg").contains("Nausea")
                .contains("Nausea: in 1 of your 1 sessions")
                .contains("You do not have a safety plan yet.")
                .contains("If you are in crisis").contains("Call or text 988").contains("Text HOME to 741741")
                .contains("Call 911");
        assertThat(text).doesNotContain("MRN").doesNotContain("MOAA/S").doesNotContain("mg/kg")
                .doesNotContain("Baseline").doesNotContain("Remission threshold").doesNotContain("Vitals excursions")
                .doesNotContain("168/96").doesNotContain("referring clinician");
        assertFontsEmbedded(pdf);
        savePageForALook(pdf, "patient");

        var audit = jdbc.sql("""
                SELECT username, details FROM audit_entry WHERE action = 'PROGRESS_REPORT_GENERATED' AND patient_id = :p
                ORDER BY seq DESC LIMIT 1""").param("p", f.dosing().patient().value()).query().singleRow();
        assertThat(audit.get("username")).isEqualTo(f.patientUser().email());
        assertThat((String) audit.get("details")).startsWith("audience=patient");
    }

    @Test
    void staffOutsideTheCareTeamAndCoordinatorsAreRefusedAndAPatientHasNoDoorToAnothersReport() throws Exception {
        var f = patientWithATreatmentCourse();
        var url = "/patients/" + f.dosing().patient().value() + "/progress-report.pdf";
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        mvc.perform(get(url).with(TestAccounts.as(coordinator))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(TestAccounts.as(f.patientUser()))).andExpect(status().isForbidden());
        // the patient's own door takes no patient id: it always answers with the signed-in patient's record
        var other = patientWithATreatmentCourse();
        var text = text(download("/portal/progress.pdf", other.patientUser()));
        assertThat(text).doesNotContain(f.dosing().patient().value().toString());
    }

    /** Page 1 as PNG at 60 dpi under target/, to look at (pdftoppm -png -r 60), when poppler is installed. */
    private static void savePageForALook(byte[] pdf, String name) throws Exception {
        var dir = Path.of("target", "progress-report-" + TestDatabases.engine());
        Files.createDirectories(dir);
        var file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        if (Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", file.toString(),
                    dir.resolve(name).toString()).inheritIO().start().waitFor();
        }
    }
}
