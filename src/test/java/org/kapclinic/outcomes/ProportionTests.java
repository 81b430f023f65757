// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionTests {

    @ParameterizedTest(name = "{0}/{1} is {2}..{3}")
    @CsvSource({
            // Newcombe 1998 (Stat Med 17:857), table I, method 3 (Wilson score without continuity correction)
            "81, 263, 0.2553, 0.3662",
            "15, 148, 0.0624, 0.1605",
            "0, 20, 0.0000, 0.1611",
            "1, 29, 0.0061, 0.1718",
            // 8/10: a figure checked by hand and against R's prop.test(correct = FALSE)
            "8, 10, 0.4902, 0.9433",
            "10, 10, 0.7225, 1.0000"})
    void computesWilsonScoreIntervalsAsPublished(long count, long total, double lower, double upper) {
        var p = Proportion.of(count, total);
        assertThat(p.lower()).isCloseTo(lower, within(0.00005));
        assertThat(p.upper()).isCloseTo(upper, within(0.00005));
        assertThat(p.rate()).isCloseTo((double) count / total, within(1e-12));
    }

    @Test
    void boundsAreExactlyZeroAndOneAtTheEdges() {
        assertThat(Proportion.of(0, 7).lower()).isEqualTo(0.0);
        assertThat(Proportion.of(0, 7).upper()).isLessThan(1.0).isGreaterThan(0.0);
        assertThat(Proportion.of(7, 7).upper()).isEqualTo(1.0);
        assertThat(Proportion.of(7, 7).lower()).isGreaterThan(0.0);
    }

    @Test
    void anEmptyDenominatorHasNoRateRatherThanZeroPercent() {
        var p = Proportion.of(0, 0);
        assertThat(p.empty()).isTrue();
        assertThat(p.rate()).isNull();
        assertThat(p.percent()).isEqualTo("–");
        assertThat(p.interval()).isEqualTo("–");
    }

    @Test
    void formatsCountsPercentAndInterval() {
        var p = Proportion.of(8, 10);
        assertThat(p.counts()).isEqualTo("8 of 10");
        assertThat(p.percent()).isEqualTo("80 %");
        assertThat(p.interval()).isEqualTo("49–94 %");
    }

    @Test
    void refusesACountAboveItsTotal() {
        assertThatThrownBy(() -> Proportion.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
