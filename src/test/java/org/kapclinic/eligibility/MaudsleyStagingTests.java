// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The Maudsley Staging Method at every band edge (REFERENCE.md 5.2). */
class MaudsleyStagingTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

    @Test
    void theSmallestStageIsThreeAndMild() {
        var stage = MaudsleyStaging.stage(AS_OF.minusMonths(3), AS_OF, Severity.SUBSYNDROMAL, 0, false, false);
        assertThat(stage.total()).isEqualTo(3);
        assertThat(stage.band()).isEqualTo("mild");
        assertThat(stage.components().get(2).reason()).isEqualTo("0 adequate failed trials: level 1 (1-2 medications).");
    }

    @Test
    void theLargestStageIsFifteenAndSevere() {
        var stage = MaudsleyStaging.stage(AS_OF.minusYears(5), AS_OF, Severity.SEVERE_PSYCHOTIC, 11, true, true);
        assertThat(stage.total()).isEqualTo(15);
        assertThat(stage.band()).isEqualTo("severe");
    }

    @Test
    void durationIsAcuteUpToTwelveMonthsSubAcuteToTwentyFourAndChronicAfter() {
        assertThat(MaudsleyStaging.duration(AS_OF.minusMonths(12), AS_OF).points()).isEqualTo(1);
        assertThat(MaudsleyStaging.duration(AS_OF.minusMonths(12).minusDays(1), AS_OF).points()).isEqualTo(2);
        assertThat(MaudsleyStaging.duration(AS_OF.minusMonths(24), AS_OF).points()).isEqualTo(2);
        var chronic = MaudsleyStaging.duration(AS_OF.minusMonths(24).minusDays(1), AS_OF);
        assertThat(chronic.points()).isEqualTo(3);
        assertThat(chronic.reason()).isEqualTo("Chronic: 24 months (more than 24 months).");
    }

    @Test
    void failedAntidepressantLevelsFollowThePublishedTable() {
        int[][] expected = {{1, 1}, {2, 1}, {3, 2}, {4, 2}, {5, 3}, {6, 3}, {7, 4}, {10, 4}, {11, 5}};
        for (int[] row : expected) {
            assertThat(MaudsleyStaging.failures(row[0]).points()).as("%d failures", row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void bandEdgesAreSixSevenTenAndEleven() {
        assertThat(MaudsleyStaging.band(6)).isEqualTo("mild");
        assertThat(MaudsleyStaging.band(7)).isEqualTo("moderate");
        assertThat(MaudsleyStaging.band(10)).isEqualTo("moderate");
        assertThat(MaudsleyStaging.band(11)).isEqualTo("severe");
    }

    @Test
    void aWorkedExampleScoresEachComponentWithItsReason() {
        // 18 months, severe without psychosis, 3 adequate failures, augmentation, no ECT: 2 + 4 + 2 + 1 + 0 = 9
        var stage = MaudsleyStaging.stage(AS_OF.minusMonths(18), AS_OF, Severity.SEVERE, 3, true, false);
        assertThat(stage.components()).extracting(MaudsleyStaging.Component::points).containsExactly(2, 4, 2, 1, 0);
        assertThat(stage.total()).isEqualTo(9);
        assertThat(stage.band()).isEqualTo("moderate");
        assertThat(stage.components().get(1).reason()).isEqualTo("Severe without psychosis at baseline.");
    }

    @Test
    void withoutTheEpisodeStartOrSeverityTheStageIsIncomplete() {
        var stage = MaudsleyStaging.stage(null, AS_OF, null, 2, false, false);
        assertThat(stage.complete()).isFalse();
        assertThat(stage.band()).isEqualTo("incomplete");
        assertThat(stage.components().get(0).reason()).startsWith("Not yet rated");
    }

    @Test
    void aBaselineBandSuggestsASeverity() {
        assertThat(Severity.suggestedBy("madrs", "severe")).isEqualTo(Severity.SEVERE);
        assertThat(Severity.suggestedBy("phq9", "moderately severe")).isEqualTo(Severity.MODERATE);
        assertThat(Severity.suggestedBy("madrs", "normal")).isEqualTo(Severity.SUBSYNDROMAL);
        assertThat(Severity.suggestedBy("madrs", null)).isNull();
    }
}
