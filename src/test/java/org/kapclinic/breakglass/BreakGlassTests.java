// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.breakglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.audit.AuditChainVerifier;
import org.kapclinic.fhir.FhirRequests;
import org.kapclinic.patients.PatientFixtures;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Break-glass (ADR 027) with care-team-only access: the one scope check honours a grant, for its time only. */
@ClinicIntegrationTest
@TestPropertySource(properties = "kap.access.care-team-only=true")
class BreakGlassTests {

    private static final String REASON = "Unresponsive in the waiting room; the care team cannot be reached.";

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Patients patients;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private PatientId patientOfSomeoneElse() {
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var patient = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Ada",
                PatientFixtures.uniqueFamily(), LocalDate.of(1980, 1, 1))));
        TestAccounts.runAs(intake, () -> patients.assignCareTeam(patient, therapist.id().value(), null));
        return patient;
    }

    private void openInEmergency(ClinicUser user, PatientId patient) throws Exception {
        mvc.perform(post("/patients/{id}/emergency-access", patient.value()).param("reason", REASON)
                        .with(TestAccounts.as(user)).with(csrf()))
                .andExpect(redirectedUrl("/patients/" + patient.value()));
    }

    @Test
    void isRefusedWithoutAReasonKeepingWhatWasTypedAndOpensNothing() throws Exception {
        var patient = patientOfSomeoneElse();
        var outsider = TestAccounts.create(context, Role.PRESCRIBER);
        mvc.perform(get("/patients/{id}", patient.value()).with(TestAccounts.as(outsider)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/patients/{id}/emergency-access", patient.value()).param("reason", "")
                        .with(TestAccounts.as(outsider)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"reason-error\"")));
        mvc.perform(post("/patients/{id}/emergency-access", patient.value()).param("reason", "urgent <help>")
                        .with(TestAccounts.as(outsider)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("urgent &lt;help&gt;</textarea>")))
                .andExpect(content().string(Matchers.containsString("at least 15 characters")));
        assertThat(grants(outsider)).isZero();
        mvc.perform(get("/patients/{id}", patient.value()).with(TestAccounts.as(outsider)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aGrantOpensTheRecordPagesSearchAndFhirMarksEveryAccessAndAlertsEveryAdmin() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var patient = patientOfSomeoneElse();
        var outsider = TestAccounts.create(context, Role.THERAPIST);
        var fhirPath = "/fhir/Patient/" + patient.value();
        assertThat(FhirRequests.get(context, fhirPath, outsider, null).getContentAsString())
                .contains("/patients/" + patient.value() + "/emergency-access");

        openInEmergency(outsider, patient);

        mvc.perform(get("/patients/{id}", patient.value()).with(TestAccounts.as(outsider)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Emergency access until")));
        assertThat(FhirRequests.get(context, fhirPath, outsider, null).getStatus()).isEqualTo(200);
        var mrn = TestAccounts.runAs(outsider, () -> patients.get(patient)).mrn().value();
        // a grant reads and treats; it never adds the clinician to the care team (that refusal is marked too)
        assertThatThrownBy(() -> TestAccounts.runAs(outsider, () -> patients.assignCareTeam(patient,
                outsider.id().value(), null))).isInstanceOf(AccessDeniedException.class);
        assertThat(TestAccounts.runAs(outsider, () -> patients.search(mrn, false, 0)).total()).isEqualTo(1);

        // Every access under the grant is audited with the marker; the chain stays intact.
        var roles = jdbc.sql("""
                SELECT roles FROM audit_entry WHERE username = :u AND patient_id = :p AND action <> 'BREAK_GLASS_STARTED'
                AND outcome = 'SUCCESS'""")
                .param("u", outsider.email()).param("p", patient.value()).query(String.class).list();
        assertThat(roles).hasSizeGreaterThanOrEqualTo(3).allMatch(r -> r.equals("THERAPIST,BREAK_GLASS"));
        assertThat(jdbc.sql("SELECT access_count FROM break_glass_grant WHERE user_id = :u")
                .param("u", outsider.id().value()).query(Integer.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE username = :u AND roles LIKE '%BREAK_GLASS'")
                        .param("u", outsider.email()).query(Integer.class).single());
        assertThat(context.getBean(AuditChainVerifier.class).verify().intact()).isTrue();

        // Admins are alerted at once (the outbox is written in the grant's transaction).
        assertThat(jdbc.sql("SELECT subject FROM email_outbox WHERE to_address = :to").param("to", admin.email())
                .query(String.class).list()).containsExactly("Break-glass access opened: MRN " + mrn);

        // The admins' report lists it, with the reason and the number of accesses; so does the CSV.
        mvc.perform(get("/admin/break-glass").with(TestAccounts.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(mrn)))
                .andExpect(content().string(Matchers.containsString(outsider.email())))
                .andExpect(content().string(Matchers.containsString("not reviewed yet")));
        mvc.perform(get("/admin/break-glass.csv").with(TestAccounts.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(mrn + "," + REASON + "," + (roles.size() + 1))));
    }

    @Test
    void accessEndsWhenTheGrantExpires() throws Exception {
        TestClock.INSTANCE.pin(Instant.now());
        var patient = patientOfSomeoneElse();
        var outsider = TestAccounts.create(context, Role.NURSE);
        openInEmergency(outsider, patient);
        TestClock.INSTANCE.advance(Duration.ofHours(3).plusMinutes(59));
        mvc.perform(get("/patients/{id}", patient.value()).with(TestAccounts.as(outsider)))
                .andExpect(status().isOk());
        TestClock.INSTANCE.advance(Duration.ofMinutes(2));
        mvc.perform(get("/patients/{id}", patient.value()).with(TestAccounts.as(outsider)))
                .andExpect(status().isForbidden());
        assertThat(FhirRequests.get(context, "/fhir/Patient/" + patient.value(), outsider, null).getStatus())
                .isEqualTo(403);
    }

    @Test
    void aPatientCanNeverBreakTheGlass() throws Exception {
        var patient = patientOfSomeoneElse();
        var other = TestAccounts.create(context, Role.PATIENT);
        mvc.perform(get("/patients/{id}/emergency-access", patient.value()).with(TestAccounts.as(other)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/patients/emergency-access").param("mrn", "KC1000017").param("reason", REASON)
                        .with(TestAccounts.as(other)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> TestAccounts.runAs(other, () -> context.getBean(BreakGlass.class).open(patient, REASON)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(grants(other)).isZero();
    }

    @Test
    void opensARecordFoundByItsMrnAndSendsAClinicianInScopeStraightToIt() throws Exception {
        var patient = patientOfSomeoneElse();
        var outsider = TestAccounts.create(context, Role.PRESCRIBER);
        var mrn = jdbc.sql("SELECT mrn FROM patient WHERE id = :id").param("id", patient.value()).query(String.class).single();
        mvc.perform(post("/patients/emergency-access").param("mrn", "KC0000000").param("reason", REASON)
                        .with(TestAccounts.as(outsider)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"mrn-error\"")));
        mvc.perform(post("/patients/emergency-access").param("mrn", mrn.toLowerCase()).param("reason", REASON)
                        .with(TestAccounts.as(outsider)).with(csrf()))
                .andExpect(redirectedUrl("/patients/" + patient.value()));
        var therapist = jdbc.sql("SELECT therapist_id FROM patient WHERE id = :id").param("id", patient.value())
                .query(UUID.class).single();
        var member = TestAccounts.load(context, jdbc.sql("SELECT email FROM user_account WHERE id = :id")
                .param("id", therapist).query(String.class).single());
        mvc.perform(get("/patients/{id}/emergency-access", patient.value()).with(TestAccounts.as(member)))
                .andExpect(redirectedUrl("/patients/" + patient.value()));
    }

    private int grants(ClinicUser user) {
        return jdbc.sql("SELECT COUNT(*) FROM break_glass_grant WHERE user_id = :u").param("u", user.id().value())
                .query(Integer.class).single();
    }
}
