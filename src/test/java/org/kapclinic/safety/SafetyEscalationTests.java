// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.assessments.Channel;
import org.kapclinic.intake.OnCall;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Step escalation until someone acknowledges: care team, then the prescriber on duty, then on-call and the clinical
 * lead (admins informed); each step once; acknowledgment stops it; an immediate alert after hours goes to on-call at
 * once. Urgent inquiries raise alerts for the clinic's triage and are acknowledged by triage.
 */
@ClinicIntegrationTest
class SafetyEscalationTests {

    private static final Instant TUESDAY_10AM = Instant.parse("2026-11-17T15:00:00Z");
    private static final Instant TUESDAY_10PM = Instant.parse("2026-11-18T03:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    Assessments assessments;

    @Autowired
    SafetyAlerts safety;

    @Autowired
    SafetyEscalations escalations;

    @Autowired
    DutyRoster duty;

    @Autowired
    OnCall onCall;

    @AfterEach
    void reset() {
        TestClock.INSTANCE.reset();
    }

    private record Roster(org.kapclinic.security.ClinicUser prescriberOnDuty, org.kapclinic.security.ClinicUser onCall,
            org.kapclinic.security.ClinicUser lead, org.kapclinic.security.ClinicUser admin) {}

    /** A fresh duty roster; the tests share one database, so each sets its own and they run one at a time. */
    private Roster roster() {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var r = new Roster(TestAccounts.create(context, Role.PRESCRIBER), TestAccounts.create(context, Role.PRESCRIBER),
                TestAccounts.create(context, Role.THERAPIST), admin);
        TestAccounts.runAs(admin, () -> duty.save(r.prescriberOnDuty().id().value(), r.lead().id().value()));
        TestAccounts.runAs(admin, () -> onCall.set(r.onCall().id().value()));
        return r;
    }

    private void phq9ItemNine(CareTeamFixture f) {
        var answers = new HashMap<String, Integer>();
        for (int i = 1; i <= 9; i++) {
            answers.put(String.valueOf(i), 1);
        }
        TestAccounts.runAs(f.therapist(), () -> assessments.recordByClinician(f.patient(), "phq9", answers, null,
                Channel.CLINICIAN));
    }

    private List<Integer> steps(CareTeamFixture f) {
        return jdbc.sql("""
                SELECT e.step FROM safety_escalation e JOIN safety_alert a ON a.id = e.alert_id
                WHERE a.patient_id = :p ORDER BY e.step""").param("p", f.patient().value()).query(Integer.class).list();
    }

    /** Pages about this patient's alerts (other tests' alerts may escalate in the same run). */
    private int pages(org.kapclinic.security.ClinicUser user, CareTeamFixture f) {
        return emails(user, "Safety alert%", alertIds("patient_id", f.patient().value()));
    }

    private int informed(org.kapclinic.security.ClinicUser user, CareTeamFixture f) {
        return emails(user, "For information%", alertIds("patient_id", f.patient().value()));
    }

    private List<String> alertIds(String column, java.util.UUID value) {
        return jdbc.sql("SELECT id FROM safety_alert WHERE " + column + " = :v").param("v", value)
                .query(java.util.UUID.class).list().stream().map(java.util.UUID::toString).toList();
    }

    private int emails(org.kapclinic.security.ClinicUser user, String subject, List<String> alertIds) {
        return (int) jdbc.sql("SELECT body FROM email_outbox WHERE to_address = :to AND subject LIKE :s")
                .param("to", user.email()).param("s", subject).query(String.class).list().stream()
                .filter(body -> alertIds.stream().anyMatch(body::contains)).count();
    }

    @Test
    void aSameDayAlertClimbsAStepEveryHourOfOpeningHoursUntilOnCallThenStops() {
        var r = roster();
        TestClock.INSTANCE.pin(TUESDAY_10AM);
        var f = CareTeamFixture.create(context);
        phq9ItemNine(f);
        assertThat(steps(f)).containsExactly(1);

        TestClock.INSTANCE.pin(TUESDAY_10AM.plusSeconds(59 * 60));
        escalations.escalateDue();
        assertThat(steps(f)).containsExactly(1);

        TestClock.INSTANCE.pin(TUESDAY_10AM.plusSeconds(60 * 60));
        escalations.escalateDue();
        escalations.escalateDue();
        assertThat(steps(f)).containsExactly(1, 2);
        assertThat(pages(r.prescriberOnDuty(), f)).isEqualTo(1);

        TestClock.INSTANCE.pin(TUESDAY_10AM.plusSeconds(120 * 60));
        escalations.escalateDue();
        assertThat(steps(f)).containsExactly(1, 2, 3);
        assertThat(pages(r.onCall(), f)).isEqualTo(1);
        assertThat(pages(r.lead(), f)).isEqualTo(1);
        assertThat(informed(r.admin(), f)).as("admins are informed, not paged").isEqualTo(1);
        assertThat(pages(r.admin(), f)).isZero();

        TestClock.INSTANCE.pin(TUESDAY_10AM.plusSeconds(600 * 60));
        escalations.escalateDue();
        assertThat(steps(f)).containsExactly(1, 2, 3);
    }

    @Test
    void acknowledgingStopsTheEscalation() {
        roster();
        TestClock.INSTANCE.pin(TUESDAY_10AM);
        var f = CareTeamFixture.create(context);
        phq9ItemNine(f);
        var alert = TestAccounts.runAs(f.therapist(), () -> safety.forPatient(f.patient())).get(0);
        TestAccounts.runAs(f.therapist(), () -> safety.acknowledge(alert.id(), AckAction.CALLED_PATIENT, null, null));
        TestClock.INSTANCE.pin(TUESDAY_10AM.plusSeconds(5 * 3600));
        escalations.escalateDue();
        assertThat(steps(f)).containsExactly(1);
    }

    @Test
    void anImmediateAlertAfterHoursPagesOnCallAndTheCareTeamAtOnce() {
        var r = roster();
        TestClock.INSTANCE.pin(TUESDAY_10PM);
        var f = CareTeamFixture.create(context);
        TestAccounts.runAs(f.therapist(), () -> safety.flag(f.patient(), true, "Imminent risk on the phone"));
        assertThat(steps(f)).containsExactly(3);
        assertThat(pages(r.onCall(), f)).isEqualTo(1);
        assertThat(pages(r.lead(), f)).isEqualTo(1);
        assertThat(pages(f.therapist(), f)).isEqualTo(1);
        assertThat(pages(f.prescriber(), f)).isEqualTo(1);
        assertThat(pages(r.prescriberOnDuty(), f)).isEqualTo(1);
        assertThat(informed(r.admin(), f)).isEqualTo(1);
    }

    @Test
    void anImmediateAlertInHoursClimbsAfterFifteenMinutes() {
        var r = roster();
        TestClock.INSTANCE.pin(TUESDAY_10AM);
        var f = CareTeamFixture.create(context);
        TestAccounts.runAs(f.therapist(), () -> safety.flag(f.patient(), true, "Imminent risk in session"));
        assertThat(steps(f)).containsExactly(1);
        TestClock.INSTANCE.pin(TUESDAY_10AM.plusSeconds(15 * 60));
        escalations.escalateDue();
        assertThat(steps(f)).containsExactly(1, 2);
        assertThat(pages(r.prescriberOnDuty(), f)).isEqualTo(1);
    }

    @Test
    void anUrgentInquiryRaisesAnAlertForTheClinicsTriageAndTriageAcknowledgesIt() throws Exception {
        var r = roster();
        TestClock.INSTANCE.pin(TUESDAY_10AM);
        var inquiries = context.getBean(org.kapclinic.intake.Inquiries.class);
        var body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/inquiries")
                        .with(org.kapclinic.intake.IntakeFixtures.fromNewAddress())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(org.kapclinic.intake.IntakeFixtures.json(org.kapclinic.intake.IntakeFixtures.uniqueLastName(),
                                "I want to kill myself")))
                .andReturn().getResponse().getContentAsString();
        var inquiry = java.util.UUID.fromString(com.jayway.jsonpath.JsonPath.read(body, "$.id"));
        var alert = jdbc.sql("SELECT id, level, status FROM safety_alert WHERE inquiry_id = :i")
                .param("i", inquiry)
                .query((rs, n) -> rs.getString(2) + " " + rs.getString(3)).single();
        assertThat(alert).isEqualTo("SAME_DAY OPEN");
        assertThat(emails(r.prescriberOnDuty(), "Safety alert%", alertIds("inquiry_id", inquiry)))
                .as("no care team: the prescriber on duty leads triage").isEqualTo(1);

        var clinician = TestAccounts.create(context, Role.PRESCRIBER);
        TestAccounts.runAs(clinician, () -> inquiries.triage(new org.kapclinic.intake.InquiryId(inquiry),
                "Called; safe, seen tomorrow"));
        assertThat(jdbc.sql("SELECT status || ' ' || action FROM safety_alert WHERE inquiry_id = :i")
                .param("i", inquiry).query(String.class).single())
                .isEqualTo("ACKNOWLEDGED TRIAGED_INQUIRY");
    }

    @Test
    void withNobodyOnDutyEveryPrescriberIsPagedSoNoAlertGoesUnseen() {
        var admin = TestAccounts.create(context, Role.ADMIN);
        TestAccounts.runAs(admin, () -> duty.save(null, null));
        TestAccounts.runAs(admin, () -> onCall.set(null));
        var somePrescriber = TestAccounts.create(context, Role.PRESCRIBER);
        TestClock.INSTANCE.pin(TUESDAY_10AM);
        var f = CareTeamFixture.create(context);
        phq9ItemNine(f);
        TestClock.INSTANCE.pin(TUESDAY_10AM.plusSeconds(60 * 60));
        escalations.escalateDue();
        assertThat(steps(f)).containsExactly(1, 2);
        assertThat(pages(somePrescriber, f)).isEqualTo(1);
    }
}
