// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.patients.PatientId;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Patient Monitoring Form end to end on both databases: filled from the session record and refreshed without
 * losing clinicians' entries, the completeness check, sign-off and its lock, amendments, submissions against the
 * 7-day deadline, the printed PDF, and the audit trail.
 */
@ClinicIntegrationTest
class RemsMonitoringFormTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RemsMonitoringForms forms;

    @Autowired
    RemsFormList list;

    @Autowired
    ClinicCalendar calendar;

    ClinicUser admin;
    ClinicUser nurse;
    UUID location;
    LocalDate today;

    @BeforeEach
    void setUp() {
        admin = TestAccounts.create(context, Role.ADMIN);
        nurse = TestAccounts.create(context, Role.NURSE);
        location = RemsFixtures.certifiedLocation(context, admin);
        today = LocalDate.now(calendar.zone());
    }

    @AfterEach
    void realTime() {
        TestClock.INSTANCE.reset();
    }

    private PatientMonitoringForm form(UUID session) {
        return TestAccounts.runAs(nurse, () -> forms.find(session)).orElseThrow();
    }

    private static Edits edits(Map<String, String> now, Map<String, String> was, String reason) {
        return new Edits(new HashMap<>(now), new HashMap<>(was), reason);
    }

    @Test
    void theSessionRecordFillsTheFormAndARefreshKeepsWhatAClinicianEntered() {
        var patient = CareTeamFixture.create(context).patient();
        var session = UUID.randomUUID();
        var facts = new HashMap<String, String>(RemsFixtures.completeFacts(today));
        facts.remove("session.lot");
        facts.remove("bp.beforeCompletion");
        forms.fill(session, patient, location, today, facts);

        var f = form(session);
        assertThat(f.status()).isEqualTo(FormStatus.DRAFT);
        assertThat(f.definition().version()).isEqualTo("2023");
        assertThat(f.dueOn()).isEqualTo(today.plusDays(7));
        assertThat(f.value("patient.lastName")).isEqualTo("Mockwell");
        assertThat(f.value("setting.certificationId")).startsWith("TEST-REMS-");
        assertThat(f.field("setting.city").source()).isEqualTo(PatientMonitoringForm.Source.SETTING);
        assertThat(f.field("patient.lastName").source()).isEqualTo(PatientMonitoringForm.Source.SESSION);
        assertThat(f.check().missingLabels()).isEqualTo("Blood pressure prior to completion of the session (mmHg)");

        // the nurse fills the gaps; replacing the session record's BP needs a reason
        TestAccounts.runAs(nurse, () -> forms.enter(session, edits(Map.of("session.lot", "EX1234",
                "bp.beforeCompletion", "126/82"), Map.of("session.lot", "", "bp.beforeCompletion", ""), "")));
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> forms.enter(session, edits(
                Map.of("bp.at40Minutes", "150/92"), Map.of("bp.at40Minutes", "148/90"), ""))))
                .isInstanceOfSatisfying(InvalidEntries.class, e -> assertThat(e.errors())
                        .containsKeys("bp.at40Minutes", "overrideReason"));
        TestAccounts.runAs(nurse, () -> forms.enter(session, edits(Map.of("bp.at40Minutes", "150/92"),
                Map.of("bp.at40Minutes", "148/90"), "Re-read on the monitor at 40 minutes")));

        // the session record changes: its new values come in, the nurse's entries stay
        facts.put("session.lot", "FROM-SESSION");
        facts.put("bp.at40Minutes", "149/91");
        facts.put("session.readyToLeaveMinutes", "100");
        forms.fill(session, patient, location, today, facts);
        f = form(session);
        assertThat(f.value("session.lot")).isEqualTo("EX1234");
        assertThat(f.field("session.lot").source()).isEqualTo(PatientMonitoringForm.Source.CHANGED);
        assertThat(f.value("bp.at40Minutes")).isEqualTo("150/92");
        assertThat(f.field("bp.at40Minutes").reason()).isEqualTo("Re-read on the monitor at 40 minutes");
        assertThat(f.field("bp.at40Minutes").autoValue()).isEqualTo("149/91");
        assertThat(f.value("session.readyToLeaveMinutes")).isEqualTo("100");
        assertThat(f.value("bp.beforeCompletion")).isEqualTo("126/82");
        assertThat(f.field("bp.beforeCompletion").enteredBy()).isEqualTo(nurse.email());
        assertThat(f.check().missing()).isEmpty();
        assertThat(f.changes()).extracting(PatientMonitoringForm.Change::kind).contains(
                PatientMonitoringForm.ChangeKind.ENTERED, PatientMonitoringForm.ChangeKind.CHANGED,
                PatientMonitoringForm.ChangeKind.REFRESHED);

        // typing the session record's value again returns the field to it
        TestAccounts.runAs(nurse, () -> forms.enter(session, edits(Map.of("bp.at40Minutes", "149/91"),
                Map.of("bp.at40Minutes", "150/92"), "")));
        assertThat(form(session).field("bp.at40Minutes").source()).isEqualTo(PatientMonitoringForm.Source.SESSION);

        assertThat(audited("REMS_FORM_CREATED", patient)).isEqualTo(1);
        assertThat(audited("REMS_FORM_REFRESHED", patient)).isEqualTo(1);
        assertThat(audited("REMS_FORM_SAVED", patient)).isEqualTo(3);
        assertThat(audited("REMS_FORM_VIEWED", patient)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void signOffIsRefusedNamingEachMissingFieldAndThenLocksTheForm() {
        var patient = CareTeamFixture.create(context).patient();
        var session = UUID.randomUUID();
        var facts = new HashMap<String, String>(RemsFixtures.completeFacts(today));
        facts.remove("patient.birthDate");
        facts.remove("hcp.email");
        facts.put("session.totalMonitoringMinutes", "100");
        forms.fill(session, patient, location, today, facts);
        var version = form(session).version();

        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> forms.sign(session, edits(Map.of(), Map.of(), ""),
                version)))
                .isInstanceOfSatisfying(FormIncomplete.class, e -> {
                    assertThat(e.getMessage()).contains("Missing: Birthdate, HCP email.").contains(
                            "at least 120 minutes");
                    assertThat(e.errors()).containsKeys("patient.birthDate", "hcp.email",
                            "session.totalMonitoringMinutes");
                });
        assertThat(form(session).status()).isEqualTo(FormStatus.DRAFT);

        // the patient left against medical advice: explained, the form can be signed
        var signed = TestAccounts.runAs(nurse, () -> forms.sign(session, edits(Map.of("patient.birthDate", "1984-03-07",
                "hcp.email", "nora@test.kapclinic.test", "session.leftAgainstMedicalAdvice", "yes",
                "session.earlyDepartureExplanation", "Left at 100 minutes despite advice; driven home by her partner."),
                Map.of("patient.birthDate", "", "hcp.email", "", "session.leftAgainstMedicalAdvice", "no",
                        "session.earlyDepartureExplanation", ""), "Patient left against advice"), version));
        assertThat(signed.status()).isEqualTo(FormStatus.SIGNED);
        assertThat(signed.revision()).isEqualTo(1);
        assertThat(signed.latestRevision().signedBy()).isEqualTo(nurse.email());

        // locked: no more edits, and a refresh from the session record does not change the signed values
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> forms.enter(session, edits(Map.of("session.lot", "X"),
                Map.of("session.lot", "LOT-1"), "")))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("amendment");
        facts.put("session.lot", "LOT-2");
        forms.fill(session, patient, location, today, facts);
        var after = form(session);
        assertThat(after.value("session.lot")).isEqualTo("LOT-1");
        assertThat(after.sessionChanges()).extracting(PatientMonitoringForm.SessionChange::field)
                .containsExactly("session.lot");

        // the correction is an amendment: a new revision with its reason; the first revision stays
        long v = after.version();
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> forms.amend(session, edits(Map.of("session.lot",
                "LOT-2"), Map.of("session.lot", "LOT-1"), " "), v)))
                .isInstanceOfSatisfying(InvalidEntries.class, e -> assertThat(e.errors()).containsKey("amendmentReason"));
        var amended = TestAccounts.runAs(nurse, () -> forms.amend(session, edits(Map.of("session.lot", "LOT-2"),
                Map.of("session.lot", "LOT-1"), "Lot number misread from the kit"), v));
        assertThat(amended.revision()).isEqualTo(2);
        assertThat(amended.status()).isEqualTo(FormStatus.SIGNED);
        assertThat(amended.value("session.lot")).isEqualTo("LOT-2");
        assertThat(amended.revisions()).hasSize(2);
        assertThat(amended.revisions().get(0).values()).containsEntry("session.lot", "LOT-1");
        assertThat(amended.revisions().get(1).reason()).isEqualTo("Lot number misread from the kit");
        assertThat(amended.revisions().get(1).changedFields()).containsExactly("session.lot");
        assertThat(amended.sessionChanges()).isEmpty();
        // a stale page cannot amend
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> forms.amend(session, edits(Map.of("session.lot",
                "LOT-3"), Map.of("session.lot", "LOT-2"), "again"), v))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changed since you opened it");
        assertThat(audited("REMS_FORM_SIGNED", patient)).isEqualTo(1);
        assertThat(audited("REMS_FORM_AMENDED", patient)).isEqualTo(1);
    }

    @Test
    void theDeadlineIsSevenCalendarDaysAndASubmissionStopsTheClock() {
        var patient = CareTeamFixture.create(context).patient();
        var treatment = LocalDate.of(2031, 3, 3);
        var zone = calendar.zone();
        TestClock.INSTANCE.pin(treatment.atTime(17, 0).atZone(zone).toInstant());
        var session = RemsFixtures.signed(context, nurse, patient, location, treatment);
        var f = form(session);
        assertThat(f.dueOn()).isEqualTo(LocalDate.of(2031, 3, 10));
        assertThat(f.overdue()).isFalse();
        assertThat(list.counts(location, LocalDate.of(2031, 3, 8), 2).dueSoon()).isEqualTo(1);

        TestClock.INSTANCE.pin(LocalDate.of(2031, 3, 10).atTime(23, 0).atZone(zone).toInstant());
        assertThat(form(session).overdue()).as("due today is not overdue").isFalse();
        TestClock.INSTANCE.pin(LocalDate.of(2031, 3, 11).atTime(8, 0).atZone(zone).toInstant());
        assertThat(form(session).overdue()).isTrue();
        assertThat(form(session).daysLeft()).isEqualTo(-1);
        var overdue = TestAccounts.runAs(nurse, () -> list.list(RemsFormList.Tab.OVERDUE, location,
                LocalDate.of(2031, 3, 11)));
        assertThat(overdue).extracting(RemsFormList.Row::sessionId).containsExactly(session);
        assertThat(overdue.get(0).patientName()).contains(", Testa");

        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> forms.recordSubmission(session, "2031-03-12", "fax",
                "")))
                .isInstanceOfSatisfying(InvalidEntries.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("submittedOn", "confirmation"));
        var submitted = TestAccounts.runAs(nurse, () -> forms.recordSubmission(session, "2031-03-11", "portal",
                "PMF-778812"));
        assertThat(submitted.status()).isEqualTo(FormStatus.SUBMITTED);
        assertThat(submitted.latestSubmission().late()).isTrue();
        assertThat(submitted.overdue()).isFalse();
        assertThat(submitted.firstSubmittedOn()).isEqualTo(LocalDate.of(2031, 3, 11));
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> forms.recordSubmission(session, "2031-03-11",
                "portal", "again"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("amend");

        // amended after it was sent: a correction to send, not overdue
        var amended = TestAccounts.runAs(nurse, () -> forms.amend(session, edits(Map.of("session.devices", "3"),
                Map.of("session.devices", "2"), "Three devices were used"), submitted.version()));
        assertThat(amended.correctionToSend()).isTrue();
        assertThat(amended.overdue()).isFalse();
        assertThat(TestAccounts.runAs(nurse, () -> list.list(RemsFormList.Tab.DUE, location, LocalDate.of(2031, 3,
                11)))).extracting(RemsFormList.Row::sessionId).containsExactly(session);
        var resent = TestAccounts.runAs(nurse, () -> forms.recordSubmission(session, "2031-03-11", "fax", "FAX-42"));
        assertThat(resent.submissions()).extracting(PatientMonitoringForm.Submission::revision).containsExactly(1, 2);
        assertThat(resent.submissions().get(1).late()).as("the deadline was met by the first").isFalse();
        assertThat(audited("REMS_FORM_SUBMITTED", patient)).isEqualTo(2);
    }

    @Test
    void thePdfCarriesEveryLabelWithItsValueTheVersionAndTheStatus() throws Exception {
        var patient = CareTeamFixture.create(context).patient();
        var session = RemsFixtures.signed(context, nurse, patient, location, today);
        TestAccounts.runAs(nurse, () -> forms.recordSubmission(session, today.toString(), "PORTAL", "PMF-555"));
        var response = mvc.perform(get("/dosing/sessions/{s}/rems-form.pdf", session).with(TestAccounts.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        var bytes = response.getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "rems-pmf.pdf"), bytes);
        try (var document = Loader.loadPDF(bytes)) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("SPRAVATO® REMS Patient Monitoring Form").contains("Form version 2023")
                    .contains("First name").contains("Ada").contains("Last name").contains("Mockwell")
                    .contains("Blood pressure prior to administration (mmHg)").contains("132/84")
                    .contains("Dose administered").contains("56 mg").contains("Lot number").contains("LOT-1")
                    .contains("REMS certification ID").contains("TEST-REMS-").contains("Signed by")
                    .contains("PMF-555").contains("REMS portal").contains("Opioids");
        }
        assertThat(audited("REMS_FORM_PRINTED", patient)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT username FROM audit_entry WHERE action = 'REMS_FORM_PRINTED' AND patient_id = :p")
                .param("p", patient.value()).query(String.class).single()).isEqualTo(admin.email());
    }

    @Test
    void aTreatmentBefore2023UsesThe2021FormWithoutTheNewerQuestions() {
        var patient = CareTeamFixture.create(context).patient();
        var session = UUID.randomUUID();
        var day = LocalDate.of(2022, 6, 1);
        forms.fill(session, patient, location, day, RemsFixtures.completeFacts(day));
        var f = form(session);
        assertThat(f.definition().version()).isEqualTo("2021");
        assertThat(f.field("meds.opioids")).isNull();
        assertThat(f.check().signable()).isTrue();
        assertThat(jdbc.sql("SELECT form_version FROM rems_monitoring_form WHERE session_id = :s").param("s", session)
                .query(String.class).single()).isEqualTo("2021");
    }

    @Test
    void onlyNursesAndPrescribersChangeFormsAndAdminsOnlyReadThem() {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var patient = CareTeamFixture.create(context).patient();
        var session = RemsFixtures.draft(context, patient, location, today);
        assertThatThrownBy(() -> TestAccounts.runAs(therapist, () -> forms.find(session)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestAccounts.runAs(admin, () -> forms.sign(session, edits(Map.of(), Map.of(), ""),
                0))).isInstanceOf(AccessDeniedException.class);
        assertThat(TestAccounts.runAs(admin, () -> forms.find(session))).isPresent();
    }

    @Test
    void aRefusedPageKeepsWhatWasTypedAndShowsEachMessageNextToItsField() throws Exception {
        var patient = CareTeamFixture.create(context).patient();
        var facts = new HashMap<String, String>(RemsFixtures.completeFacts(today));
        facts.remove("hcp.phone");
        var session = UUID.randomUUID();
        forms.fill(session, patient, location, today, facts);
        var version = String.valueOf(form(session).version());

        var page = mvc.perform(post("/dosing/sessions/{s}/rems-form", session).with(csrf()).with(TestAccounts.as(nurse))
                        .param("was.hcp.phone", "").param("hcp.phone", "602-555-0123")
                        .param("was.session.devices", "2").param("session.devices", "twelve")
                        .param("was.pulseOximetry.lowest", "95").param("pulseOximetry.lowest", "101"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("602-555-0123").contains("twelve").contains("Give a whole number.")
                .contains("Give a number from 50 to 100.").contains("Not saved");
        assertThat(form(session).value("hcp.phone")).isNull();

        var signing = mvc.perform(post("/dosing/sessions/{s}/rems-form/sign", session).with(csrf())
                        .with(TestAccounts.as(nurse)).param("version", version))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(signing).contains("Missing: HCP telephone").contains("Required before sign-off.");

        mvc.perform(post("/dosing/sessions/{s}/rems-form/sign", session).with(csrf()).with(TestAccounts.as(nurse))
                        .param("version", version).param("was.hcp.phone", "").param("hcp.phone", "602-555-0123"))
                .andExpect(status().is3xxRedirection());
        assertThat(form(session).status()).isEqualTo(FormStatus.SIGNED);

        var submission = mvc.perform(post("/dosing/sessions/{s}/rems-form/submission", session).with(csrf())
                        .with(TestAccounts.as(nurse)).param("submittedOn", "not a date").param("confirmation", "C-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(submission).contains("Give a date as YYYY-MM-DD.").contains("Choose the REMS portal or fax.")
                .contains("value=\"C-1\"").contains("value=\"not a date\"");

        mvc.perform(get("/dosing/sessions/{s}/rems-form", UUID.randomUUID()).with(TestAccounts.as(nurse)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dosing/sessions/{s}/rems-form", session).param("amend", "1").with(TestAccounts.as(nurse)))
                .andExpect(status().isOk());
    }

    @Test
    void anAdminKeepsTheCertificationAndEveryChangeIsAudited() throws Exception {
        var place = TestAccounts.runAs(admin, () -> context.getBean(org.kapclinic.scheduling.Locations.class)
                .addLocation("Cert " + UUID.randomUUID().toString().substring(0, 6), "2 Test St"));
        var refused = mvc.perform(post("/admin/rems/{l}", place).with(csrf()).with(TestAccounts.as(admin))
                        .param("certificationId", "CERT-9").param("certifiedOn", "2099-01-01").param("zip", "8501")
                        .param("settingName", "Typed name").param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("The certification date cannot be in the future.")
                .contains("Give five digits, or ZIP+4").contains("Typed name").contains("Give the street address.");
        var settings = context.getBean(RemsSettings.class);
        assertThat(settings.certificationFor(place)).isEmpty();

        mvc.perform(post("/admin/rems/{l}", place).with(csrf()).with(TestAccounts.as(admin))
                        .param("certificationId", "CERT-9").param("certifiedOn", "2024-05-01")
                        .param("settingName", "Cert setting").param("address1", "2 Test St").param("city", "Tempe")
                        .param("state", "az").param("zip", "85281").param("phone", "(480) 555-0101")
                        .param("authorizedRepresentative", "Riley Sample").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        var saved = settings.certificationFor(place).orElseThrow();
        assertThat(saved.state()).isEqualTo("AZ");
        assertThat(saved.certifiedOn()).isEqualTo(LocalDate.of(2024, 5, 1));
        TestAccounts.runAs(admin, () -> settings.save(place, new RemsSettings.CertificationForm("CERT-10", "2024-05-01",
                "Cert setting", "2 Test St", null, "Tempe", "AZ", "85281", "(480) 555-0101", "Riley Sample"), 1));
        assertThatThrownBy(() -> TestAccounts.runAs(admin, () -> settings.save(place, new RemsSettings.CertificationForm(
                "CERT-11", "2024-05-01", "Cert setting", "2 Test St", null, "Tempe", "AZ", "85281", "(480) 555-0101",
                "Riley Sample"), 1))).isInstanceOf(IllegalStateException.class);
        var details = jdbc.sql("SELECT details FROM audit_entry WHERE action = 'REMS_CERTIFICATION_SAVED'"
                + " AND entity_id = :l ORDER BY seq").param("l", place.toString()).query(String.class).list();
        assertThat(details).hasSize(2);
        assertThat(details.get(1)).contains("certificationId CERT-9 -> CERT-10");
        mvc.perform(get("/admin/rems").with(TestAccounts.as(admin))).andExpect(status().isOk());
    }

    @Test
    void theListShowsDueOverdueAndSubmittedFormsPerLocation() throws Exception {
        var patient = CareTeamFixture.create(context).patient();
        var due = RemsFixtures.draft(context, patient, location, today.minusDays(1));
        var overdue = RemsFixtures.draft(context, patient, location, today.minusDays(9));
        var page = mvc.perform(get("/dosing/rems-forms").param("location", location.toString())
                        .with(TestAccounts.as(nurse))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(due.toString()).doesNotContain(overdue.toString()).contains("Overdue (1)");
        page = mvc.perform(get("/dosing/rems-forms").param("tab", "overdue").param("location", location.toString())
                        .with(TestAccounts.as(admin))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(overdue.toString() + "/rems-form.pdf").contains("row-overdue")
                .doesNotContain(overdue.toString() + "/rems-form\"");
        mvc.perform(get("/dosing/rems-forms").param("tab", "submitted").with(TestAccounts.as(nurse)))
                .andExpect(status().isOk());
        var home = mvc.perform(get("/").with(TestAccounts.as(nurse))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(home).contains("REMS monitoring forms").contains("overdue");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'REMS_FORMS_LISTED' AND username = :u")
                .param("u", admin.email()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCertificationEnteredAfterTheSessionReachesTheDraftButNeverASignedForm() {
        var settings = context.getBean(RemsSettings.class);
        var place = TestAccounts.runAs(admin, () -> context.getBean(org.kapclinic.scheduling.Locations.class)
                .addLocation("Uncertified " + UUID.randomUUID().toString().substring(0, 6), "3 Test St"));
        var patient = CareTeamFixture.create(context).patient();
        var session = RemsFixtures.draft(context, patient, place, today);
        var f = form(session);
        assertThat(f.certified()).isFalse();
        assertThat(f.check().missingLabels()).contains("REMS certification ID").contains("Healthcare setting name");

        RemsFixtures.certify(context, admin, place);
        f = form(session);
        assertThat(f.value("setting.certificationId")).startsWith("TEST-REMS-");
        assertThat(f.check().signable()).isTrue();
        var signed = TestAccounts.runAs(nurse, () -> forms.sign(session, edits(Map.of(), Map.of(), ""),
                form(session).version()));
        assertThat(signed.revisions().get(0).values().get("setting.certificationId")).startsWith("TEST-REMS-");

        TestAccounts.runAs(admin, () -> settings.save(place, new RemsSettings.CertificationForm("RENEWED-1",
                "2025-06-01", "Renamed setting", "3 Test St", null, "Phoenix", "AZ", "85016", "602-555-0100",
                "Riley Sample"), settings.certificationFor(place).orElseThrow().version()));
        assertThat(form(session).value("setting.certificationId")).startsWith("TEST-REMS-");
        assertThat(form(session).value("setting.name")).isEqualTo("Test Setting (synthetic)");
    }

    @Test
    void theDemoClinicCertifiesBothDemoLocationsWithSyntheticIdsOnce() {
        var locations = context.getBean(org.kapclinic.scheduling.Locations.class);
        TestAccounts.runAs(admin, () -> {
            locations.addLocation("Camelback (demo)", "100 W Camelback Rd (synthetic)");
            locations.addLocation("Tempe (demo)", "200 E University Dr (synthetic)");
        });
        var demo = context.getBean(RemsDemoData.class);
        assertThat(demo.order()).isEqualTo(75);
        assertThat(demo.contribute(null)).isEqualTo("2 REMS certifications");
        assertThat(demo.contribute(null)).isEqualTo("0 REMS certifications");
        assertThat(jdbc.sql("SELECT certification_id FROM rems_certification WHERE updated_by = 'demo-generator'"
                + " ORDER BY certification_id").query(String.class).list())
                .containsExactly("DEMO-REMS-0001", "DEMO-REMS-0002");
    }

    private long audited(String action, PatientId patient) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND patient_id = :p").param("a", action)
                .param("p", patient.value()).query(Long.class).single();
    }
}
