// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapclinic.outcomes.KaplanMeier.Subject;

class KaplanMeierTests {

    /**
     * The 6-MP arm of Freireich et al. 1963 (remission duration in weeks, 21 leukaemia patients; * = censored): 6 6 6
     * 6* 7 9* 10 10* 11* 13 16 17* 19* 20* 22 23 25* 32* 32* 34* 35*. The product-limit estimates are the textbook's
     * (Kleinbaum and Klein, Survival Analysis, table 2.1; Collett, Modelling Survival Data, 2.1).
     */
    static List<Subject> sixMp() {
        var s = new ArrayList<Subject>();
        for (var t : new String[] {"6", "6", "6", "6*", "7", "9*", "10", "10*", "11*", "13", "16", "17*", "19*", "20*",
                "22", "23", "25*", "32*", "32*", "34*", "35*"}) {
            s.add(new Subject(Double.parseDouble(t.replace("*", "")), !t.endsWith("*")));
        }
        return s;
    }

    @Test
    void reproducesTheTextbookProductLimitEstimatesForThe6MpArm() {
        var curve = KaplanMeier.estimate(sixMp());
        var drops = curve.eventSteps();
        assertThat(drops).extracting(KaplanMeier.Step::time).containsExactly(6.0, 7.0, 10.0, 13.0, 16.0, 22.0, 23.0);
        assertThat(drops).extracting(KaplanMeier.Step::atRisk).containsExactly(21, 17, 15, 12, 11, 7, 6);
        assertThat(drops).extracting(KaplanMeier.Step::events).containsExactly(3, 1, 1, 1, 1, 1, 1);
        double[] expected = {0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482};
        for (int i = 0; i < expected.length; i++) {
            assertThat(drops.get(i).survival()).as("S at %s", drops.get(i).time()).isCloseTo(expected[i], within(0.00005));
        }
        assertThat(curve.median()).isEqualTo(23.0);
        assertThat(curve.subjects()).isEqualTo(21);
        assertThat(curve.events()).isEqualTo(9);
    }

    @Test
    void countsASubjectCensoredAtAnEventTimeAsAtRiskForThatEvent() {
        // 6 and 6* at the same time: both at risk at 6; the censored one leaves after
        var curve = KaplanMeier.estimate(sixMp());
        var at6 = curve.steps().get(0);
        assertThat(at6.atRisk()).isEqualTo(21);
        assertThat(at6.censored()).isEqualTo(1);
        assertThat(curve.steps().get(1).atRisk()).isEqualTo(17);
    }

    @Test
    void survivalAtATimeIsTheLastStepAtOrBeforeIt() {
        var curve = KaplanMeier.estimate(sixMp());
        assertThat(curve.survivalAt(5)).isEqualTo(1.0);
        assertThat(curve.survivalAt(12)).isCloseTo(0.7529, within(0.00005));
        assertThat(curve.eventSteps().get(0).incidence()).isCloseTo(0.1429, within(0.00005));
    }

    @Test
    void aCurveThatNeverHalvesHasNoMedian() {
        var curve = KaplanMeier.estimate(List.of(new Subject(3, true), new Subject(5, false), new Subject(8, false)));
        assertThat(curve.median()).isNull();
        assertThat(curve.survivalAt(10)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void withoutCensoringTheCurveIsTheEmpiricalSurvival() {
        var curve = KaplanMeier.estimate(List.of(new Subject(1, true), new Subject(2, true), new Subject(3, true),
                new Subject(4, true)));
        assertThat(curve.eventSteps()).extracting(KaplanMeier.Step::survival).containsExactly(0.75, 0.5, 0.25, 0.0);
        assertThat(curve.median()).isEqualTo(2.0);
    }

    @Test
    void anEmptyCohortHasNoSteps() {
        var curve = KaplanMeier.estimate(List.of());
        assertThat(curve.steps()).isEmpty();
        assertThat(curve.median()).isNull();
    }
}
