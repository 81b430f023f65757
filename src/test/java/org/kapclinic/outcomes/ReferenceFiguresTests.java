// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kapclinic.assessments.OutcomeDefinitions.Remission;
import org.kapclinic.outcomes.ReferenceFigure.Outcome;
import org.kapclinic.outcomes.ReferenceFigures.ClinicDefinition;

class ReferenceFiguresTests {

    final ReferenceFigures figures = new ReferenceFigures();
    static final Remission MADRS_12 = new Remission(12, true);

    @Test
    void drawsTransform2WhereTheClinicMeasuresMadrsRemissionAtOrBelow12OnDay28() {
        var lines = figures.linesFor(new ClinicDefinition("madrs", Outcome.REMISSION, MADRS_12, 28, null));
        assertThat(lines).extracting(ReferenceFigure::id).containsExactly("transform2-madrs-remission");
        assertThat(lines.get(0).memoryVerify()).isTrue();
    }

    @Test
    void drawsNothingWhenTheRemissionThresholdDiffers() {
        // KetECT and ESCAPE-TRD used MADRS <= 10; the clinic's 12 is another definition
        assertThat(figures.linesFor(new ClinicDefinition("madrs", Outcome.REMISSION, new Remission(10, true), 28, null)))
                .isEmpty();
        assertThat(figures.linesFor(new ClinicDefinition("madrs", Outcome.REMISSION, new Remission(10, true), 56, null)))
                .extracting(ReferenceFigure::id).containsExactly("escape-madrs-remission");
        assertThat(figures.linesFor(new ClinicDefinition("madrs", Outcome.REMISSION, new Remission(10, false), 56, null)))
                .isEmpty();
    }

    @Test
    void drawsNothingWhenTheTimepointOrInstrumentDiffers() {
        assertThat(figures.linesFor(new ClinicDefinition("madrs", Outcome.RESPONSE, MADRS_12, 35, null))).isEmpty();
        assertThat(figures.linesFor(new ClinicDefinition("phq9", Outcome.RESPONSE, new Remission(5, false), 28, null)))
                .isEmpty();
        assertThat(figures.linesFor(new ClinicDefinition("qids-sr16", Outcome.RESPONSE, new Remission(5, true), 21, null)))
                .extracting(ReferenceFigure::trial).containsExactly("ELEKT-D");
    }

    @Test
    void aTrialOfAnotherModalityIsNotDrawnForAChosenModality() {
        assertThat(figures.linesFor(new ClinicDefinition("madrs", Outcome.RESPONSE, MADRS_12, 28, "IV_KETAMINE")))
                .isEmpty();
        assertThat(figures.linesFor(new ClinicDefinition("madrs", Outcome.RESPONSE, MADRS_12, 28, "ESKETAMINE")))
                .extracting(ReferenceFigure::id).containsExactly("transform2-madrs-response");
    }

    @Test
    void aFigureWithAnOpenEndpointIsNeverDrawn() {
        // Murrough 2013 and KetECT reported at the end of the series, not at a fixed day
        for (int window = 1; window <= 90; window++) {
            assertThat(figures.linesFor(new ClinicDefinition("madrs", Outcome.REMISSION, new Remission(10, true),
                    window, "IV_KETAMINE"))).isEmpty();
        }
    }

    @Test
    void theUncitedTwoThirdsClaimIsListedButNeverMatches() {
        var claim = figures.all().stream().filter(f -> f.id().equals("two-thirds-claim")).findFirst().orElseThrow();
        assertThat(claim.cited()).isFalse();
        var asIfCited = new ReferenceFigure("x", "x", null, null, null, "x", "madrs", Outcome.RESPONSE, 50, null, null,
                28, null, 66.7, "uncertain", "x");
        assertThat(ReferenceFigures.matches(asIfCited, new ClinicDefinition("madrs", Outcome.RESPONSE, MADRS_12, 28,
                null))).isFalse();
    }

    @Test
    void everyFigureCarriesATagFromTheReferenceAndASourceOrSaysItHasNone() {
        assertThat(figures.all()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.tag()).isIn("confirmed", "memory-verify", "uncertain");
            assertThat(f.reference()).startsWith("REFERENCE.md");
            assertThat(f.cited() || f.citation() == null).isTrue();
        });
    }
}
