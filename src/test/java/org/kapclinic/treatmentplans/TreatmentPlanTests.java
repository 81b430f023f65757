// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Plans from template to approval, changes with history, the end decision, and template editing; both databases. */
@ClinicIntegrationTest
class TreatmentPlanTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TreatmentPlans plans;

    @Autowired
    ProtocolTemplates templates;

    @Test
    void aDraftCannotBeApprovedWithoutAnEligibleDecisionAndTheConsentsItNeeds() {
        var f = CareTeamFixture.create(context);
        var start = PlanFixtures.businessDayAfter(context, 7);
        var draft = TestAccounts.runAs(f.prescriber(), () -> plans.create(f.patient(),
                new TreatmentPlans.NewPlan("kap", start, null, null, null)));
        assertThat(draft.status()).isEqualTo(TreatmentPlan.Status.DRAFT);
        assertThat(draft.doses()).isEqualTo(3);
        assertThat(TestAccounts.runAs(f.prescriber(), () -> plans.approvalBlockers(f.patient(), draft.modality())))
                .containsExactly("There is no signed eligible decision: complete the evaluation first.",
                        "Consents still to sign: Consent to treatment, Communication by email and text,"
                                + " Off-label use of ketamine, Ketamine-assisted psychotherapy.");
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> plans.approve(f.patient(), draft.id())))
                .hasMessageStartingWith("approve: not yet: There is no signed eligible decision");

        PlanFixtures.eligible(context, f.patient(), f.prescriber(), Modality.IM_KETAMINE);
        var approved = TestAccounts.runAs(f.prescriber(), () -> plans.approve(f.patient(), draft.id()));
        assertThat(approved.status()).isEqualTo(TreatmentPlan.Status.APPROVED);
        assertThat(approved.decisionId()).isNotNull();
        assertThat(approved.revisions()).extracting(TreatmentPlan.Revision::summary).first().isEqualTo("Approved.");
    }

    @Test
    void anEsketamineDecisionDoesNotApproveAnIvPlan() {
        var f = CareTeamFixture.create(context);
        PlanFixtures.eligible(context, f.patient(), f.prescriber(), Modality.ESKETAMINE);
        var start = PlanFixtures.businessDayAfter(context, 7);
        var draft = TestAccounts.runAs(f.prescriber(), () -> plans.create(f.patient(),
                new TreatmentPlans.NewPlan("iv-ketamine-series", start, null, null, null)));
        assertThat(TestAccounts.runAs(f.prescriber(), () -> plans.approvalBlockers(f.patient(), draft.modality())))
                .contains("The eligibility decision is for Esketamine nasal spray (Spravato), not IV ketamine.");
    }

    @Test
    void changesAfterApprovalAreRevisionsWithReasonsAndNothingIsLost() {
        var f = CareTeamFixture.create(context);
        var id = PlanFixtures.approved(context, f.patient(), f.prescriber());
        var plan = TestAccounts.runAs(f.prescriber(), () -> plans.plans(f.patient())).get(0);
        var third = plan.liveItems().stream().filter(i -> "Dose 3".equals(i.label())).findFirst().orElseThrow();
        var second = plan.liveItems().stream().filter(i -> "Dose 2".equals(i.label())).findFirst().orElseThrow();
        var newDay = PlanFixtures.businessDayAfter(context, 30);
        TestAccounts.runAs(f.prescriber(), () -> plans.move(f.patient(), id, third.id(), newDay, LocalTime.of(10, 30),
                "Patient travelling"));
        TestAccounts.runAs(f.prescriber(), () -> plans.cancel(f.patient(), id, second.id(), "Unwell, skip this one"));
        var extra = PlanFixtures.businessDayAfter(context, 40);
        var after = TestAccounts.runAs(f.prescriber(), () -> plans.addDose(f.patient(), id, extra, null, "Added a seventh"));
        assertThat(after.items()).hasSize(plan.items().size() + 2);
        assertThat(after.items().stream().filter(i -> i.id().equals(third.id())).findFirst().orElseThrow().status())
                .isEqualTo(TreatmentPlan.ItemStatus.MOVED);
        assertThat(after.doses()).isEqualTo(6); // six, one cancelled, one added
        assertThat(after.liveItems()).anySatisfy(i -> assertThat(i.label()).isEqualTo("Dose 7"));
        assertThat(after.revisions()).extracting(TreatmentPlan.Revision::reason).startsWith("Added a seventh",
                "Unwell, skip this one", "Patient travelling");
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> plans.cancel(f.patient(), id, second.id(),
                "again"))).hasMessageContaining("already moved or cancelled");
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> plans.cancel(f.patient(), id, third.id(),
                " "))).hasMessageStartingWith("reason:");

        var ended = TestAccounts.runAs(f.prescriber(), () -> plans.end(f.patient(), id,
                TreatmentPlan.EndDecision.MAINTENANCE, "Responded; monthly maintenance."));
        assertThat(ended.status()).isEqualTo(TreatmentPlan.Status.ENDED);
        assertThat(ended.endDecision()).isEqualTo(TreatmentPlan.EndDecision.MAINTENANCE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE patient_id = :p AND action LIKE 'TREATMENT_PLAN_%'")
                .param("p", f.patient().value()).query(Long.class).single()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aNewDraftReplacesTheOldOneButNotARunningPlan() {
        var f = CareTeamFixture.create(context);
        var first = PlanFixtures.draft(context, f.patient(), f.prescriber());
        var start = PlanFixtures.businessDayAfter(context, 14);
        var second = TestAccounts.runAs(f.prescriber(), () -> plans.create(f.patient(),
                new TreatmentPlans.NewPlan("iv-ketamine-3-in-11", start, null, null, null)));
        assertThat(jdbc.sql("SELECT status FROM treatment_plan WHERE id = :id").param("id", first).query(String.class)
                .single()).isEqualTo("DISCARDED");
        TestAccounts.runAs(f.prescriber(), () -> plans.approve(f.patient(), second.id()));
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> plans.create(f.patient(),
                new TreatmentPlans.NewPlan("maintenance", start, null, null, 21))))
                .hasMessage("templateCode: an approved plan is running; end it first.");
    }

    @Test
    void theStartMustBeAnOpenDayInTheFutureAndOnlyPrescribersPlan() {
        var f = CareTeamFixture.create(context);
        var past = PlanFixtures.businessDayAfter(context, -10);
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> plans.create(f.patient(),
                new TreatmentPlans.NewPlan("kap", past, null, null, null)))).hasMessageStartingWith("start:");
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> plans.create(f.patient(),
                new TreatmentPlans.NewPlan("kap", PlanFixtures.businessDayAfter(context, 5), null, null, 14))))
                .hasMessage("everyDays: this protocol has no adjustable interval.");
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> plans.create(f.patient(),
                new TreatmentPlans.NewPlan("kap", PlanFixtures.businessDayAfter(context, 5), null, null, null))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void thePlanPageShowsTheGeneratedSessionsAndKeepsATypedStartOnError() throws Exception {
        var f = CareTeamFixture.create(context);
        var page = mvc.perform(post("/patients/{id}/plan", f.patient().value()).with(csrf())
                        .with(TestAccounts.as(f.prescriber())).param("templateCode", "kap").param("start", "someday")
                        .param("doseTime", "10:15"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"start-error\"").contains("give a date as YYYY-MM-DD").contains("value=\"someday\"")
                .contains("value=\"10:15\"");
        PlanFixtures.draft(context, f.patient(), f.prescriber());
        var shown = mvc.perform(get("/patients/{id}/plan", f.patient().value()).with(TestAccounts.as(f.therapist())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("IV ketamine 0.5 mg/kg, 6 infusions").contains("Dose 6").contains("24 h after dose 4")
                .doesNotContain("Approve the plan"); // a therapist reads; only a prescriber approves
    }

    @Test
    void anAdminEditsATemplateAsANewVersionWithTheProblemNamedAndExistingPlansKeepTheirCopy() throws Exception {
        var f = CareTeamFixture.create(context);
        var planId = PlanFixtures.draft(context, f.patient(), f.prescriber());
        var admin = TestAccounts.create(context, Role.ADMIN);
        var before = TestAccounts.runAs(admin, () -> templates.find("iv-ketamine-series")).orElseThrow();
        var broken = before.definitionJson().replace("\"perWeek\" : 2", "\"perWeek\" : 9");
        assertThatThrownBy(() -> TestAccounts.runAs(admin, () -> templates.save(before.code(), before.name(),
                before.description(), before.evidence(), true, broken, before.version())))
                .hasMessage("definition: phases[1]: perWeek must be 1-7 and weeks 1-104.");
        var page = mvc.perform(post("/protocols/{c}", before.code()).with(csrf()).with(TestAccounts.as(admin))
                        .param("name", before.name()).param("description", before.description())
                        .param("evidence", before.evidence()).param("active", "true")
                        .param("definition", "{\"phases\": [ oops").param("version", String.valueOf(before.version())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"definition-error\"").contains("not readable").contains("oops");
        var esketamine = TestAccounts.runAs(admin, () -> templates.find("esketamine-mdsi")).orElseThrow();
        assertThatThrownBy(() -> TestAccounts.runAs(admin, () -> templates.save(esketamine.code(), esketamine.name(),
                esketamine.description(), esketamine.evidence(), true,
                esketamine.definitionJson().replace("\"observationMinutes\" : 120", "\"observationMinutes\" : 90"),
                esketamine.version()))).hasMessageContaining("at least 120 minutes");

        var changed = before.definitionJson().replace("\"weeks\" : 3", "\"weeks\" : 4");
        var saved = TestAccounts.runAs(admin, () -> templates.save(before.code(), before.name(), before.description(),
                before.evidence(), true, changed, before.version()));
        assertThat(saved.version()).isEqualTo(before.version() + 1);
        assertThat(saved.definition().phases().get(0).weeks()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM protocol_template_history WHERE code = :c").param("c", before.code())
                .query(Long.class).single()).isEqualTo(saved.version());
        var draft = TestAccounts.runAs(f.prescriber(), () -> plans.plans(f.patient())).stream()
                .filter(p -> p.id().equals(planId)).findFirst().orElseThrow();
        assertThat(draft.definition().phases().get(0).weeks()).isEqualTo(3);
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> templates.save(before.code(), before.name(),
                before.description(), before.evidence(), true, changed, saved.version())))
                .isInstanceOf(AccessDeniedException.class);
        // put it back for other tests
        TestAccounts.runAs(admin, () -> templates.save(before.code(), before.name(), before.description(),
                before.evidence(), true, before.definitionJson(), saved.version()));
    }
    @Test
    void anApprovedPlansMeasurementPointsNotTiedToADoseAreSentAtTheirTimeAndWithdrawnWhenThePlanEnds() {
        var f = CareTeamFixture.create(context);
        PlanFixtures.eligible(context, f.patient(), f.prescriber(), org.kapclinic.eligibility.Modality.ESKETAMINE);
        var start = PlanFixtures.businessDayAfter(context, 7);
        var plan = TestAccounts.runAs(f.prescriber(), () -> plans.create(f.patient(),
                new TreatmentPlans.NewPlan("esketamine-trd", start, LocalTime.of(9, 0), LocalTime.of(13, 0), null)));
        TestAccounts.runAs(f.prescriber(), () -> plans.approve(f.patient(), plan.id()));
        var sends = jdbc.sql("SELECT instrument, reason, active FROM measurement_schedule WHERE patient_id = :p"
                        + " AND every_days = 0 ORDER BY next_due_at")
                .param("p", f.patient().value()).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|"
                        + rs.getBoolean(3)).list();
        // PHQ-9 every 28 days goes out as a questionnaire; the MADRS points are clinician-rated and stay on the plan
        assertThat(sends).isNotEmpty().allMatch(x -> x.equals("phq9|Every 28 days|true"));
        TestAccounts.runAs(f.prescriber(), () -> plans.end(f.patient(), plan.id(), TreatmentPlan.EndDecision.STOP,
                "Stopped for the test"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measurement_schedule WHERE patient_id = :p AND every_days = 0"
                + " AND active").param("p", f.patient().value()).query(Long.class).single()).isZero();
    }
}
