// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The TRD determination against worked examples, at every edge the issue names. */
class TrdDeterminationTests {

    private static final Instant AT = Instant.parse("2026-11-01T12:00:00Z");

    private static final Map<String, DoseFloor> FLOORS = Map.of(
            "sertraline", floor("sertraline", "50"),
            "bupropion", floor("bupropion", "300"),
            "escitalopram", floor("escitalopram", "10"),
            "venlafaxine", floor("venlafaxine", "75"));

    private static DoseFloor floor(String drug, String mg) {
        return new DoseFloor(drug, drug, "SSRI", new BigDecimal(mg), "test", null, null, "test", AT, 0);
    }

    private static Trial trial(String drug, String mg, int weeks, Adherence adherence, TrialOutcome outcome,
            boolean augmentation, boolean current) {
        return new Trial(UUID.randomUUID(), drug, new BigDecimal(mg), weeks, adherence, outcome, augmentation, current,
                "", AT, "test", null, null);
    }

    private static Trial failed(String drug, String mg, int weeks) {
        return trial(drug, mg, weeks, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, false, true);
    }

    private static TrdDetermination.Result determine(Trial... trials) {
        return TrdDetermination.determine(List.of(trials), FLOORS, EligibilitySettings.defaults());
    }

    @Test
    void twoAdequateFailedTrialsInTheCurrentEpisodeMeetTheCriteria() {
        var result = determine(failed("sertraline", "150", 10), failed("bupropion", "300", 8));
        assertThat(result.met()).isTrue();
        assertThat(result.counted()).isEqualTo(2);
        assertThat(result.summary()).isEqualTo(
                "TRD criteria met: 2 adequate failed antidepressant trials in the current episode (at least 2 needed).");
    }

    @Test
    void exactlySixWeeksAtTheMinimumDoseIsAdequate() {
        var verdict = determine(failed("sertraline", "50", 6)).verdicts().get(0);
        assertThat(verdict.adequate()).isTrue();
        assertThat(verdict.counts()).isTrue();
        assertThat(verdict.reasons()).contains("Dose 50 mg/day meets the minimum 50 mg/day (minimum not yet verified).",
                "6 weeks at that dose (at least 6).");
    }

    @Test
    void fiveWeeksIsTooShort() {
        var verdict = determine(failed("sertraline", "100", 5)).verdicts().get(0);
        assertThat(verdict.adequate()).isFalse();
        assertThat(verdict.reasons()).contains("5 weeks at that dose is shorter than 6 weeks.");
    }

    @Test
    void aDoseJustUnderTheMinimumIsNotAdequate() {
        var verdict = determine(failed("bupropion", "299.5", 12)).verdicts().get(0);
        assertThat(verdict.adequate()).isFalse();
        assertThat(verdict.counts()).isFalse();
        assertThat(verdict.reasons()).contains("Dose 299.5 mg/day is below the minimum adequate 300 mg/day.");
    }

    @Test
    void aTrialInAPreviousEpisodeDoesNotCount() {
        var previous = trial("venlafaxine", "225", 12, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, false, false);
        var result = determine(previous, failed("sertraline", "150", 8));
        assertThat(result.met()).isFalse();
        assertThat(result.counted()).isEqualTo(1);
        var verdict = result.verdicts().get(0);
        assertThat(verdict.adequate()).isTrue();
        assertThat(verdict.counts()).isFalse();
        assertThat(verdict.reasons()).contains("In an earlier episode: TRD counts the current episode only.");
    }

    @Test
    void partialResponseCountsAsFailureByDefaultAndNotWhenTheClinicSaysSo() {
        var partial = trial("sertraline", "150", 8, Adherence.ALL_DAYS, TrialOutcome.PARTIAL, false, true);
        assertThat(determine(partial).verdicts().get(0).counts()).isTrue();
        var strict = new EligibilitySettings(6, false, Adherence.MOST_DAYS, 2);
        var verdict = TrdDetermination.determine(List.of(partial), FLOORS, strict).verdicts().get(0);
        assertThat(verdict.counts()).isFalse();
        assertThat(verdict.reasons()).contains("Partial response does not count as failure (clinic setting).");
    }

    @Test
    void intoleranceAloneNeverMakesAnAdequateFailedTrial() {
        var stopped = trial("sertraline", "200", 10, Adherence.ALL_DAYS, TrialOutcome.INTOLERANCE, false, true);
        var verdict = determine(stopped).verdicts().get(0);
        assertThat(verdict.failed()).isFalse();
        assertThat(verdict.counts()).isFalse();
        assertThat(verdict.reasons()).contains(
                "Stopped for intolerance: intolerance alone is not an adequate failed trial.");
    }

    @Test
    void adherenceBelowMostDaysIsNotAdequateButMostDaysIs() {
        var some = trial("sertraline", "100", 8, Adherence.SOME_DAYS, TrialOutcome.NO_RESPONSE, false, true);
        var most = trial("sertraline", "100", 8, Adherence.MOST_DAYS, TrialOutcome.NO_RESPONSE, false, true);
        assertThat(determine(some).verdicts().get(0).adequate()).isFalse();
        assertThat(determine(most).verdicts().get(0).adequate()).isTrue();
    }

    @Test
    void aDrugWithoutAFloorAndAnAugmentationAgentAreNotCounted() {
        var unknown = failed("agomelatine", "25", 8);
        var augmentation = trial("aripiprazole", "5", 8, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, true, true);
        var result = determine(unknown, augmentation);
        assertThat(result.counted()).isZero();
        assertThat(result.verdicts().get(0).reasons().get(0)).startsWith("No minimum adequate dose on file for agomelatine");
        assertThat(result.verdicts().get(1).reasons().get(0)).startsWith("Augmentation:");
    }

    @Test
    void voidedTrialsAreLeftOutAndTheDrugNameIsMatchedWithoutCase() {
        var voided = new Trial(UUID.randomUUID(), "sertraline", new BigDecimal("150"), 10, Adherence.ALL_DAYS,
                TrialOutcome.NO_RESPONSE, false, true, "", AT, "test", AT, "entered twice");
        var result = determine(voided, failed(" Sertraline ", "150", 10));
        assertThat(result.verdicts()).hasSize(1);
        assertThat(result.counted()).isEqualTo(1);
    }
}
