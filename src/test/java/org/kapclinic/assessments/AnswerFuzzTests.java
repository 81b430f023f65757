// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;

/**
 * Fuzzes questionnaire answers as they arrive (ADR 029): the page's {@code item-N} parameters through
 * {@link AnswerForm#parse}, the stored/autosaved JSON through {@link AnswerJson}, and both through the {@link Scorer}
 * of every instrument. Input: one "name=value" parameter per line; the first line picks the instrument.
 */
class AnswerFuzzTests {

    private static final List<Instrument> INSTRUMENTS = Stream.of("asq", "cssrs", "dissociation", "gad7", "madrs",
            "moaas", "mood", "phq9", "qids-sr16").map(ScorerTests::load).toList();
    private static final Scorer SCORER = new Scorer(Map.of("madrs-suicidal-ideation-at", 2));
    private static final AnswerJson JSON = new AnswerJson(ScorerTests.JSON);

    /**
     * Every posted item is either an answer or an error, never lost and never both; scoring never throws; a complete
     * score's total lies between the items' least and greatest sums and falls in a severity band; an incomplete one has
     * no total; and a safety flag whose item was validly answered at or above its threshold is raised even when other
     * items are missing or wrong (a positive PHQ-9 item 9 is never lost).
     */
    @FuzzTest(maxDuration = "60s")
    void postedAnswersScoreWithinRangeAndKeepEverySafetyFlag(FuzzedDataProvider data) {
        var lines = data.consumeRemainingAsString().split("\n", -1);
        var instrument = INSTRUMENTS.get(Math.floorMod(lines[0].hashCode(), INSTRUMENTS.size()));
        var params = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            var eq = lines[i].indexOf('=');
            params.put(eq < 0 ? lines[i] : lines[i].substring(0, eq), eq < 0 ? null : lines[i].substring(eq + 1));
        }
        var form = AnswerForm.parse(params);
        params.forEach((name, value) -> {
            if (name.startsWith(AnswerForm.PREFIX) && value != null && !value.isBlank()) {
                var item = name.substring(AnswerForm.PREFIX.length());
                assertThat(form.answers().containsKey(item) ^ form.errors().containsKey(item))
                        .as("item %s is an answer or an error", item).isTrue();
            }
        });
        var score = SCORER.score(instrument, form.answers());
        assertThat(form.withProblems(score.problems()).keySet()).containsAll(form.errors().keySet());
        if (score.problems().isEmpty() && instrument.scoring().method().matches("sum|domains")) {
            int least = instrument.items().stream().mapToInt(Instrument.Item::min).sum();
            int most = instrument.items().stream().mapToInt(Instrument.Item::max).sum();
            assertThat(score.total()).isBetween(least, most);
            if (!instrument.bands().isEmpty()) {
                assertThat(score.severity()).as("a band for total %s", score.total()).isNotNull();
            }
        }
        if (!score.problems().isEmpty()) {
            assertThat(score.total()).isNull();
        }
        for (var rule : instrument.flags()) {
            var answer = form.answers().get(rule.item());
            var item = instrument.items().stream().filter(i -> i.id().equals(rule.item())).findFirst().orElseThrow();
            int threshold = rule.setting() == null ? rule.atLeast() : 2;
            if (answer != null && answer >= item.min() && answer <= item.max() && answer >= threshold) {
                assertThat(score.flags()).contains(rule.flag());
            }
        }
    }

    /**
     * Stored or autosaved answer JSON: any text either reads as item-to-number answers or fails with Jackson's own
     * exception (which callers turn into a 400), and what reads writes back to JSON that reads the same.
     */
    @FuzzTest(maxDuration = "60s")
    void answerJsonReadsOrRefusesAndRoundTrips(FuzzedDataProvider data) {
        var text = data.consumeRemainingAsString();
        Map<String, Integer> answers;
        try {
            answers = JSON.read(text);
        } catch (JacksonException refused) {
            return;
        }
        if (answers == null) {
            return;
        }
        var copy = new LinkedHashMap<>(answers);
        copy.values().removeIf(v -> v == null);
        assertThat(JSON.read(JSON.write(copy))).isEqualTo(copy);
        for (var instrument : INSTRUMENTS) {
            SCORER.score(instrument, answers);
        }
    }
}
