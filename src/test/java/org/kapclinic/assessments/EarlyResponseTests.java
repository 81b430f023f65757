// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kapclinic.patients.PatientId;

class EarlyResponseTests {

    static final Instant DOSE = Instant.parse("2027-03-03T14:00:00Z");
    static final PatientId PATIENT = new PatientId(UUID.randomUUID());

    static AssessmentView score(String instrument, int total, Duration fromDose) {
        var at = DOSE.plus(fromDose);
        return new AssessmentView(new AssessmentId(UUID.randomUUID()), PATIENT, instrument, "1", Map.of(), total, null,
                List.of(), Channel.CLINICIAN, at, at, "nurse");
    }

    @Test
    void aMadrsHalvedAbout24HoursAfterTheFirstDoseIsAnEarlyResponse() {
        var madrs = List.of(score("madrs", 40, Duration.ofDays(-20)), score("madrs", 32, Duration.ofHours(-2)),
                score("madrs", 20, Duration.ofHours(4)), score("madrs", 16, Duration.ofHours(23)),
                score("madrs", 30, Duration.ofHours(40)));
        var e = EarlyResponse.of(DOSE, madrs, List.of());
        assertThat(e.baseline().total()).isEqualTo(32);
        assertThat(e.at24h().total()).isEqualTo(16);
        assertThat(e.responded()).isTrue();
        assertThat(e.changePercent()).isEqualTo(-50);
    }

    @Test
    void lessThanHalfIsNoEarlyResponseAndWithoutABaselineOrA24HourRatingItCannotBeJudged() {
        assertThat(EarlyResponse.of(DOSE, List.of(score("madrs", 30, Duration.ofHours(-1)),
                score("madrs", 16, Duration.ofHours(26))), List.of()).responded()).isFalse();
        assertThat(EarlyResponse.of(DOSE, List.of(score("madrs", 12, Duration.ofHours(24))), List.of()).responded())
                .isNull();
        assertThat(EarlyResponse.of(DOSE, List.of(score("madrs", 30, Duration.ofHours(-1)),
                score("madrs", 10, Duration.ofHours(17))), List.of()).responded()).isNull();
    }

    @Test
    void theFirstDaysMoodRatingsAreThoseFromSixHoursBeforeTo30HoursAfterTheDose() {
        var mood = List.of(score("mood", 2, Duration.ofHours(-8)), score("mood", 3, Duration.ofHours(-1)),
                score("mood", 6, Duration.ofHours(4)), score("mood", 7, Duration.ofHours(24)),
                score("mood", 5, Duration.ofHours(48)));
        assertThat(EarlyResponse.of(DOSE, List.of(), mood).moodFirstDay()).extracting(AssessmentView::total)
                .containsExactly(3, 6, 7);
    }
}
