// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kapclinic.patients.PatientId;
import tools.jackson.databind.json.JsonMapper;

/** Response, remission and relapse (REFERENCE.md 4.1, 4.3, 4.4, 4.9) from series of totals. */
class TrajectoryRulesTests {

    private static final Instant START = Instant.parse("2026-09-01T14:00:00Z");
    private static final OutcomeSettings DEFAULTS = new OutcomeSettings(12, 5, 5, 22, Duration.ofDays(5), Duration.ofDays(15));
    private static final InstrumentCatalogue CATALOGUE = new InstrumentCatalogue(JsonMapper.builder().build(),
            new AssessmentSettings(2));

    private static Trajectory build(OutcomeSettings settings, String code, int[] totals, int[] days) {
        var list = new ArrayList<AssessmentView>();
        for (int i = 0; i < totals.length; i++) {
            list.add(new AssessmentView(new AssessmentId(UUID.randomUUID()), new PatientId(UUID.randomUUID()), code, "1",
                    Map.of(), totals[i], null, List.of(), Channel.CLINICIAN, START.plus(Duration.ofDays(days[i])),
                    START, "test"));
        }
        return new TrajectoryRules(settings).build(CATALOGUE.get(code), list);
    }

    private static Trajectory build(String code, int... totals) {
        var days = new int[totals.length];
        for (int i = 0; i < days.length; i++) {
            days[i] = 7 * i;
        }
        return build(DEFAULTS, code, totals, days);
    }

    @Test
    void aSingleScoreIsTheBaselineWithNoStatusYet() {
        var t = build("phq9", 18);
        assertThat(t.baseline()).isEqualTo(18);
        assertThat(t.responseLine()).isEqualTo(9.0);
        assertThat(t.status().summary()).isEqualTo("Baseline only");
        assertThat(t.status().changePercent()).isNull();
    }

    @Test
    void responseIsAtLeastAFiftyPercentDropFromBaseline() {
        assertThat(build("phq9", 18, 10).status().response()).isFalse(); // 44% drop
        var t = build("phq9", 18, 9);
        assertThat(t.status().response()).isTrue(); // exactly 50%
        assertThat(t.status().changePercent()).isEqualTo(-50.0);
        assertThat(t.status().summary()).isEqualTo("Response");
    }

    @Test
    void phq9RemissionIsBelowFiveNotAtFive() {
        assertThat(build("phq9", 18, 5).status().remission()).isFalse();
        assertThat(build("phq9", 18, 4).status().remission()).isTrue();
        assertThat(build("phq9", 18, 4).remissionInclusive()).isFalse();
    }

    @Test
    void madrsRemissionIsAtOrBelowTheConfiguredLine() {
        assertThat(build("madrs", 34, 12).status().remission()).isTrue();
        assertThat(build("madrs", 34, 13).status().remission()).isFalse();
        var escape = new OutcomeSettings(10, 5, 5, 22, Duration.ofDays(5), Duration.ofDays(15));
        assertThat(build(escape, "madrs", new int[] {34, 12}, new int[] {0, 28}).status().remission())
                .as("ESCAPE-TRD's line of 10").isFalse();
    }

    @Test
    void qidsRemissionIsAtOrBelowFive() {
        assertThat(build("qids-sr16", 20, 5).status().remission()).isTrue();
        assertThat(build("qids-sr16", 20, 6).status().remission()).isFalse();
    }

    @Test
    void relapseIsMadrsAtOrAboveTwentyTwoAtTwoVisitsFiveToFifteenDaysApartAfterImprovement() {
        var relapse = build(DEFAULTS, "madrs", new int[] {34, 10, 23, 24}, new int[] {0, 28, 42, 49});
        assertThat(relapse.status().relapse()).isTrue();
        assertThat(relapse.status().remission()).isFalse();
        assertThat(relapse.status().summary()).isEqualTo("Relapse");
        assertThat(relapse.status().relapseNote()).isEqualTo("MADRS 23 and 24, 7 days apart");
    }

    @Test
    void twoHighVisitsTooCloseOrTooFarApartAreNotRelapse() {
        assertThat(build(DEFAULTS, "madrs", new int[] {34, 10, 23, 24}, new int[] {0, 28, 42, 45}).status().relapse())
                .as("3 days apart").isFalse();
        assertThat(build(DEFAULTS, "madrs", new int[] {34, 10, 23, 24}, new int[] {0, 28, 42, 60}).status().relapse())
                .as("18 days apart").isFalse();
    }

    @Test
    void highScoresWithoutEarlierImprovementAreNotRelapse() {
        assertThat(build(DEFAULTS, "madrs", new int[] {34, 30, 28, 27}, new int[] {0, 7, 14, 21}).status().relapse())
                .isFalse();
    }

    @Test
    void instrumentsWithoutBandsHaveNoBaselineLines() {
        var mood = build("mood", 3, 6);
        assertThat(mood.baseline()).isNull();
        assertThat(mood.remissionLine()).isNull();
        assertThat(mood.status().latest()).isEqualTo(6);
    }
}
