// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** A prescriber's evaluation from start to signed decision and amendment, on H2 and PostgreSQL. */
@ClinicIntegrationTest
class EvaluationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Evaluations evaluations;

    @Autowired
    Medications medications;

    @Autowired
    Consents consents;

    static Evaluations.TrialForm failed(String drug, String mg, int weeks) {
        return new Evaluations.TrialForm(drug, new BigDecimal(mg), weeks, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE,
                false, true, null);
    }

    static Map<ScreeningItem, Boolean> allAbsent() {
        var map = new EnumMap<ScreeningItem, Boolean>(ScreeningItem.class);
        for (var item : ScreeningItem.values()) {
            map.put(item, false);
        }
        return map;
    }

    /** An open esketamine evaluation with two adequate failures, history, REMS date, clean screening, reconciled. */
    CareTeamFixture readyForDecision() {
        var f = CareTeamFixture.create(context);
        TestAccounts.runAs(f.prescriber(), () -> {
            var e = evaluations.start(f.patient(), Modality.ESKETAMINE);
            evaluations.addTrial(f.patient(), failed("sertraline", "150", 10));
            evaluations.addTrial(f.patient(), failed("venlafaxine", "225", 8));
            evaluations.saveHistory(f.patient(), new Evaluation.History(Modality.ESKETAMINE, LocalDate.of(2025, 5, 1),
                    TreatmentHistory.NONE, TreatmentHistory.PREVIOUS_EPISODE, Severity.SEVERE,
                    LocalDate.of(2026, 11, 1), "Synthetic evaluation", e.version()));
            evaluations.screen(f.patient(), allAbsent(), Map.of());
            medications.add(f.patient(), "lisinopril", "10 mg daily", List.of());
            medications.reconcile(f.patient(), Reconciliation.Context.EVALUATION, "Reviewed with the patient");
        });
        return f;
    }

    @Test
    void aPrescriberTakesAPatientFromEvaluationToASignedEligibleDecision() {
        var f = readyForDecision();
        var summary = TestAccounts.runAs(f.therapist(), () -> evaluations.summary(f.patient())).orElseThrow();
        assertThat(summary.trd().met()).isTrue();
        assertThat(summary.blockers()).isEmpty();
        assertThat(summary.stage().complete()).isTrue();
        assertThat(summary.activeClasses()).containsExactly(DrugClass.ANTIHYPERTENSIVE);

        var decision = TestAccounts.runAs(f.prescriber(), () -> evaluations.sign(f.patient(), Decision.Outcome.ELIGIBLE,
                "Two adequate failed trials; no contraindications.", null));
        assertThat(decision.trdMet()).isTrue();
        assertThat(decision.screeningSummary()).isEqualTo("No contraindication or caution present.");
        var after = TestAccounts.runAs(f.prescriber(), () -> evaluations.summary(f.patient())).orElseThrow();
        assertThat(after.evaluation().status()).isEqualTo(Evaluation.Status.DECIDED);
        assertThat(after.latestDecision()).isEqualTo(decision);
        assertThat(audited("ELIGIBILITY_SIGNED", f)).isEqualTo(1);
        assertThat(audited("EVALUATION_VIEWED", f)).isEqualTo(2);
    }

    @Test
    void aSignedDecisionCannotBeEditedOnlyAmendedAndTheChainIsKept() {
        var f = readyForDecision();
        var first = TestAccounts.runAs(f.prescriber(), () -> evaluations.sign(f.patient(), Decision.Outcome.ELIGIBLE,
                "Eligible.", null));
        // the evaluation is closed: its history and screening are no longer editable, nor can a second decision be signed
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> evaluations.sign(f.patient(),
                Decision.Outcome.NOT_ELIGIBLE, "Changed my mind", null)))
                .hasMessageStartingWith("modality: there is no open evaluation");
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> evaluations.screen(f.patient(), allAbsent(),
                Map.of()))).hasMessageStartingWith("modality: there is no open evaluation");

        var amended = TestAccounts.runAs(f.prescriber(), () -> evaluations.amend(f.patient(), first.id(),
                Decision.Outcome.ELIGIBLE_WITH_CONDITIONS, "Eligible.", "Blood pressure below 140/90 before each dose.",
                "Home readings were higher than in clinic."));
        assertThat(amended.amends()).isEqualTo(first.id());
        // the earlier decision's row is untouched
        assertThat(jdbc.sql("SELECT outcome FROM eligibility_decision WHERE id = :id").param("id", first.id())
                .query(String.class).single()).isEqualTo("ELIGIBLE");
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> evaluations.amend(f.patient(), first.id(),
                Decision.Outcome.NOT_ELIGIBLE, "x", null, "y")))
                .hasMessageContaining("this one was already amended");
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> evaluations.amend(f.patient(), amended.id(),
                Decision.Outcome.ELIGIBLE, "x", null, " "))).hasMessageStartingWith("amendmentReason:");
        var decisions = TestAccounts.runAs(f.prescriber(), () -> evaluations.summary(f.patient())).orElseThrow().decisions();
        assertThat(decisions).extracting(Decision::id).containsExactly(amended.id(), first.id());
        assertThat(audited("ELIGIBILITY_AMENDED", f)).isEqualTo(1);
    }

    @Test
    void anEligibleDecisionIsRefusedUntilEveryBlockerIsCleared() {
        var f = CareTeamFixture.create(context);
        TestAccounts.runAs(f.prescriber(), () -> evaluations.start(f.patient(), Modality.ESKETAMINE));
        var blockers = TestAccounts.runAs(f.prescriber(), () -> evaluations.summary(f.patient())).orElseThrow().blockers();
        assertThat(blockers).containsExactly("Complete the contraindication screening.",
                "Reconcile the medications and allergies for this evaluation.",
                "Record the episode's start and the baseline severity.",
                "Record the patient's Spravato REMS enrolment date.");
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> evaluations.sign(f.patient(),
                Decision.Outcome.ELIGIBLE, "Looks fine", null)))
                .hasMessageStartingWith("outcome: not yet: Complete the contraindication screening.");
        // "not eligible" can always be signed with reasons
        var no = TestAccounts.runAs(f.prescriber(), () -> evaluations.sign(f.patient(), Decision.Outcome.NOT_ELIGIBLE,
                "Declined treatment after discussion.", null));
        assertThat(no.outcome()).isEqualTo(Decision.Outcome.NOT_ELIGIBLE);
        // and it becomes eligible only through a new evaluation
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> evaluations.amend(f.patient(), no.id(),
                Decision.Outcome.ELIGIBLE, "x", null, "changed"))).hasMessageContaining("only after a new evaluation");
    }

    @Test
    void anAbsoluteContraindicationBlocksAndARelativeOneNeedsASignOffReason() {
        var f = readyForDecision();
        var present = allAbsent();
        present.put(ScreeningItem.UNCONTROLLED_HYPERTENSION, true);
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> evaluations.screen(f.patient(), present,
                Map.of()))).hasMessageStartingWith("uncontrolled-hypertension: a relative contraindication needs your sign-off");
        TestAccounts.runAs(f.prescriber(), () -> evaluations.screen(f.patient(), present,
                Map.of(ScreeningItem.UNCONTROLLED_HYPERTENSION, "Controlled on lisinopril; BP 128/82 today.")));
        present.put(ScreeningItem.ARTERIOVENOUS_MALFORMATION, true);
        TestAccounts.runAs(f.prescriber(), () -> evaluations.screen(f.patient(), present,
                Map.of(ScreeningItem.UNCONTROLLED_HYPERTENSION, "Controlled on lisinopril.")));
        var summary = TestAccounts.runAs(f.prescriber(), () -> evaluations.summary(f.patient())).orElseThrow();
        assertThat(summary.blockers()).containsExactly("An absolute contraindication is present.");
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> evaluations.sign(f.patient(),
                Decision.Outcome.ELIGIBLE, "x", null))).hasMessageContaining("An absolute contraindication is present.");
        var no = TestAccounts.runAs(f.prescriber(), () -> evaluations.sign(f.patient(), Decision.Outcome.NOT_ELIGIBLE,
                "Arteriovenous malformation on imaging.", null));
        assertThat(no.screeningSummary()).contains("ABSOLUTE Arteriovenous malformation")
                .contains("relative Uncontrolled hypertension (signed off: Controlled on lisinopril.)");
    }

    @Test
    void anUnansweredScreeningItemIsNamedAndNothingIsStored() {
        var f = CareTeamFixture.create(context);
        TestAccounts.runAs(f.prescriber(), () -> evaluations.start(f.patient(), Modality.IV_KETAMINE));
        var partial = allAbsent();
        partial.remove(ScreeningItem.PSYCHOSIS);
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> evaluations.screen(f.patient(), partial,
                Map.of()))).hasMessage("psychosis: answer every item; 1 is still open.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contraindication_answer a JOIN evaluation e ON e.id = a.evaluation_id"
                + " WHERE e.patient_id = :p").param("p", f.patient().value()).query(Long.class).single()).isZero();
    }

    @Test
    void anMaoiOnTheMedicationListScreenedAbsentBlocksUntilScreenedAgain() {
        var f = readyForDecision();
        TestAccounts.runAs(f.prescriber(), () -> medications.add(f.patient(), "Parnate", "10 mg twice daily", List.of()));
        var summary = TestAccounts.runAs(f.prescriber(), () -> evaluations.summary(f.patient())).orElseThrow();
        assertThat(summary.suggestedByMedications(ScreeningItem.MAOI_COMEDICATION)).isTrue();
        assertThat(summary.blockers()).containsExactly(
                "MAOI co-medication is on the medication list but screened absent: screen again.");
    }

    @Test
    void onlyAPrescriberEvaluatesAndEveryChangeIsAudited() {
        var f = CareTeamFixture.create(context);
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> evaluations.start(f.patient(),
                Modality.ESKETAMINE))).isInstanceOf(AccessDeniedException.class);
        var trial = TestAccounts.runAs(f.prescriber(), () -> evaluations.addTrial(f.patient(), failed("sertraline", "50", 6)));
        TestAccounts.runAs(f.prescriber(), () -> evaluations.voidTrial(f.patient(), trial.id(), "Entered twice"));
        assertThat(audited("TRIAL_ADDED", f)).isEqualTo(1);
        assertThat(audited("TRIAL_VOIDED", f)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT void_reason FROM antidepressant_trial WHERE id = :id").param("id", trial.id())
                .query(String.class).single()).isEqualTo("Entered twice");
    }

    @Test
    void theTrialFormKeepsWhatWasTypedAndShowsTheProblemNextToTheField() throws Exception {
        var f = CareTeamFixture.create(context);
        TestAccounts.runAs(f.prescriber(), () -> evaluations.start(f.patient(), Modality.IV_KETAMINE));
        var page = mvc.perform(post("/patients/{id}/evaluation/trials", f.patient().value()).with(csrf())
                        .with(TestAccounts.as(f.prescriber())).param("drug", "sertraline").param("maxDailyMg", "150")
                        .param("weeksAtDose", "eight").param("adherence", "ALL_DAYS").param("outcome", "NO_RESPONSE")
                        .param("note", "From the referral letter"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"weeksAtDose-error\"").contains("give a whole number")
                .contains("value=\"eight\"").contains("value=\"From the referral letter\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM antidepressant_trial WHERE patient_id = :p")
                .param("p", f.patient().value()).query(Long.class).single()).isZero();
    }

    @Test
    void theEvaluationPageShowsWhyEachTrialCountsAndTheMaudsleyComponents() throws Exception {
        var f = readyForDecision();
        TestAccounts.runAs(f.prescriber(), () -> evaluations.addTrial(f.patient(), failed("escitalopram", "5", 12)));
        var page = mvc.perform(get("/patients/{id}/evaluation", f.patient().value()).with(TestAccounts.as(TestAccounts.create(context, org.kapclinic.security.Role.NURSE))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("TRD criteria met").contains("Dose 5 mg/day is below the minimum adequate 10 mg/day.")
                .contains("Sub-acute").contains("Severe without psychosis at baseline.")
                .doesNotContain("id=\"history-form\""); // a nurse reads; only a prescriber edits
    }

    @Test
    void theApiGivesTheDeterminationWithReasons() throws Exception {
        var f = readyForDecision();
        var json = mvc.perform(get("/api/v1/patients/{id}/eligibility", f.patient().value())
                        .accept(MediaType.APPLICATION_JSON).with(TestAccounts.as(f.prescriber())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<Boolean>read(json, "$.trd.met")).isTrue();
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(json, "$.trd.trials[0].reasons"))
                .contains("10 weeks at that dose (at least 6).");
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(json, "$.maudsley.total")).isEqualTo(
                TestAccounts.runAs(f.prescriber(), () -> evaluations.summary(f.patient())).orElseThrow().stage().total());
    }

    private long audited(String action, CareTeamFixture f) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND patient_id = :p").param("a", action)
                .param("p", f.patient().value()).query(Long.class).single();
    }
}
