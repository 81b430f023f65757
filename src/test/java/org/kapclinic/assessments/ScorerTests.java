// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Scoring at every band edge, QIDS domain maxima, ASQ branching, C-SSRS triage, and flags from partial answers. */
class ScorerTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final Scorer scorer = new Scorer(Map.of("madrs-suicidal-ideation-at", 2));

    static Instrument load(String code) {
        try (var in = ScorerTests.class.getResourceAsStream("/instruments/" + code + ".json")) {
            return JSON.readValue(in, Instrument.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers that add up to {@code total}, filling items in order up to each item's maximum. */
    static Map<String, Integer> totalling(Instrument instrument, int total, String... fixed) {
        var answers = new HashMap<String, Integer>();
        for (int i = 0; i < fixed.length; i += 2) {
            answers.put(fixed[i], Integer.valueOf(fixed[i + 1]));
        }
        int left = total - answers.values().stream().mapToInt(Integer::intValue).sum();
        for (var item : instrument.items()) {
            if (answers.containsKey(item.id())) {
                continue;
            }
            int value = Math.min(item.max(), Math.max(0, left));
            answers.put(item.id(), value);
            left -= value;
        }
        return answers;
    }

    @ParameterizedTest(name = "PHQ-9 {0} is {1}")
    @CsvSource({"0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,moderately-severe",
        "19,moderately-severe", "20,severe", "27,severe"})
    void phq9Bands(int total, String severity) {
        var phq9 = load("phq9");
        var score = scorer.score(phq9, totalling(phq9, total, "9", "0"));
        if (total > 24) {
            score = scorer.score(phq9, totalling(phq9, total));
        }
        assertThat(score.total()).isEqualTo(total);
        assertThat(score.severity()).isEqualTo(severity);
    }

    @Test
    void phq9Item9AboveZeroFlagsSuicidalIdeation() {
        var phq9 = load("phq9");
        assertThat(scorer.score(phq9, totalling(phq9, 3, "9", "1")).flags()).containsExactly("suicidal-ideation");
        assertThat(scorer.score(phq9, totalling(phq9, 3, "9", "0")).flags()).isEmpty();
    }

    @ParameterizedTest(name = "GAD-7 {0} is {1}")
    @CsvSource({"0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,severe", "21,severe"})
    void gad7Bands(int total, String severity) {
        var gad7 = load("gad7");
        var score = scorer.score(gad7, totalling(gad7, total));
        assertThat(score.total()).isEqualTo(total);
        assertThat(score.severity()).isEqualTo(severity);
    }

    @ParameterizedTest(name = "MADRS {0} is {1}")
    @CsvSource({"0,normal", "6,normal", "7,mild", "19,mild", "20,moderate", "34,moderate", "35,severe", "60,severe"})
    void madrsBands(int total, String severity) {
        var madrs = load("madrs");
        var score = scorer.score(madrs, totalling(madrs, total));
        assertThat(score.total()).isEqualTo(total);
        assertThat(score.severity()).isEqualTo(severity);
    }

    @ParameterizedTest(name = "MADRS item 10 = {0} flags {1}")
    @CsvSource(delimiter = '|', value = {"0|", "1|", "2|suicidal-ideation", "3|suicidal-ideation",
        "4|suicidal-ideation,acute-suicide-risk", "6|suicidal-ideation,acute-suicide-risk"})
    void madrsItem10Flags(int item10, String flags) {
        var madrs = load("madrs");
        var expected = flags == null ? new String[0] : flags.split(",");
        assertThat(scorer.score(madrs, totalling(madrs, item10, "10", String.valueOf(item10))).flags())
                .containsExactly(expected);
    }

    @Test
    void theMadrsIdeationLevelIsASetting() {
        var strict = new Scorer(Map.of("madrs-suicidal-ideation-at", 1));
        var madrs = load("madrs");
        assertThat(strict.score(madrs, totalling(madrs, 1, "10", "1")).flags()).containsExactly("suicidal-ideation");
    }

    @ParameterizedTest(name = "QIDS-SR16 {0} is {1}")
    @CsvSource({"0,none", "5,none", "6,mild", "10,mild", "11,moderate", "15,moderate", "16,severe", "20,severe",
        "21,very-severe", "27,very-severe"})
    void qidsBands(int total, String severity) {
        var qids = load("qids-sr16");
        // one item per domain carries the score: the first of each group
        var answers = new HashMap<String, Integer>();
        qids.items().forEach(i -> answers.put(i.id(), 0));
        int left = total;
        for (var first : new String[] {"1", "5", "6", "10", "11", "12", "13", "14", "15"}) {
            int v = Math.min(3, left);
            answers.put(first, v);
            left -= v;
        }
        var score = scorer.score(qids, answers);
        assertThat(score.total()).isEqualTo(total);
        assertThat(score.severity()).isEqualTo(severity);
    }

    @Test
    void qidsTakesTheHighestItemInTheSleepAppetiteAndPsychomotorGroups() {
        var qids = load("qids-sr16");
        var answers = new HashMap<String, Integer>();
        qids.items().forEach(i -> answers.put(i.id(), 0));
        answers.putAll(Map.of("1", 1, "2", 3, "3", 2, "4", 1, "6", 2, "9", 1, "15", 1, "16", 2, "12", 1));
        var score = scorer.score(qids, answers);
        assertThat(score.domains()).containsEntry("sleep", 3).containsEntry("appetiteWeight", 2)
                .containsEntry("psychomotor", 2).containsEntry("suicidalIdeation", 1).containsEntry("mood", 0);
        assertThat(score.domains()).hasSize(9);
        assertThat(score.total()).isEqualTo(8);
        assertThat(score.flags()).containsExactly("suicidal-ideation");
    }

    @ParameterizedTest(name = "ASQ {0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "1=0,2=0,3=0,4=0|negative|",
        "1=1,2=0,3=0,4=0,5=0|non-acute-positive|suicide-risk",
        "1=0,2=0,3=0,4=2,5=0|non-acute-positive|suicide-risk",
        "1=0,2=1,3=1,4=0,5=1|acute-positive|suicide-risk,acute-suicide-risk",
        "1=1,2=0,3=0,4=0,5=2|acute-positive|suicide-risk,acute-suicide-risk"})
    void asqBranching(String given, String severity, String flags) {
        var answers = new HashMap<String, Integer>();
        for (var pair : given.split(",")) {
            answers.put(pair.split("=")[0], Integer.valueOf(pair.split("=")[1]));
        }
        var score = scorer.score(load("asq"), answers);
        assertThat(score.problems()).isEmpty();
        assertThat(score.severity()).isEqualTo(severity);
        assertThat(score.flags()).containsExactly(flags == null ? new String[0] : flags.split(","));
    }

    @Test
    void asqQuestion5IsRequiredOnlyAfterAPositiveAnswer() {
        var score = scorer.score(load("asq"), Map.of("1", 1, "2", 0, "3", 0, "4", 0));
        assertThat(score.problems()).extracting(Score.ItemProblem::item).containsExactly("5");
        assertThat(score.flags()).containsExactly("suicide-risk");
    }

    @ParameterizedTest(name = "C-SSRS {0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "1=0,2=0,6=0|low|",
        "1=1,2=0,6=0|low|",
        "1=1,2=1,3=1,4=0,5=0,6=0|moderate|suicide-risk",
        "1=0,2=0,6=1,6b=0|moderate|suicide-risk",
        "1=1,2=1,3=1,4=1,5=0,6=0|high|acute-suicide-risk",
        "1=1,2=1,3=0,4=0,5=1,6=0|high|acute-suicide-risk",
        "1=0,2=0,6=1,6b=1|high|acute-suicide-risk"})
    void cssrsTriage(String given, String level, String flags) {
        var answers = new HashMap<String, Integer>();
        for (var pair : given.split(",")) {
            answers.put(pair.split("=")[0], Integer.valueOf(pair.split("=")[1]));
        }
        var score = scorer.score(load("cssrs"), answers);
        assertThat(score.problems()).isEmpty();
        assertThat(score.severity()).isEqualTo(level);
        assertThat(score.flags()).containsExactly(flags == null ? new String[0] : flags.split(","));
    }

    @Test
    void cssrsAsksQuestions3To5OnlyAfterQuestion2() {
        var score = scorer.score(load("cssrs"), Map.of("1", 1, "2", 1, "6", 0));
        assertThat(score.problems()).extracting(Score.ItemProblem::item).containsExactly("3", "4", "5");
    }

    @Test
    void missingUnknownAndOutOfRangeItemsAreAllNamedAndNoTotalIsScored() {
        var answers = new HashMap<>(Map.of("1", 1, "2", 4, "3", -1, "10", 1, "9", 2));
        var score = scorer.score(load("phq9"), answers);
        assertThat(score.total()).isNull();
        assertThat(score.severity()).isNull();
        assertThat(score.problems()).extracting(Score.ItemProblem::item)
                .containsExactly("2", "3", "4", "5", "6", "7", "8", "10");
        // the safety item that was answered still raises its flag
        assertThat(score.flags()).containsExactly("suicidal-ideation");
    }

    @Test
    void sedationAndMoodHaveNoSeverity() {
        var moaas = scorer.score(load("moaas"), Map.of("1", 3));
        assertThat(moaas.total()).isEqualTo(3);
        assertThat(moaas.severity()).isNull();
        var mood = scorer.score(load("mood"), Map.of("1", 10));
        assertThat(mood.total()).isEqualTo(10);
        assertThat(mood.severity()).isNull();
        assertThat(scorer.score(load("mood"), Map.of("1", 11)).problems()).hasSize(1);
    }

    @Test
    void dissociationIsRatedNoneToSevere() {
        assertThat(scorer.score(load("dissociation"), Map.of("1", 0)).severity()).isEqualTo("none");
        assertThat(scorer.score(load("dissociation"), Map.of("1", 3)).severity()).isEqualTo("severe");
    }

    @Test
    void everyDefinitionCarriesItsLicenceAndAttribution() {
        for (var code : new String[] {"phq9", "gad7", "qids-sr16", "asq", "madrs", "moaas", "mood", "cssrs", "dissociation"}) {
            var instrument = load(code);
            assertThat(instrument.code()).isEqualTo(code);
            assertThat(instrument.license()).as(code).isNotBlank();
            assertThat(instrument.attribution()).as(code).isNotBlank();
        }
        assertThat(load("cssrs").administration()).isEqualTo("clinician-only");
        assertThat(load("cssrs").verbatim()).isFalse();
        assertThat(load("phq9").items().get(8).loinc()).isEqualTo("44260-8");
    }
}
