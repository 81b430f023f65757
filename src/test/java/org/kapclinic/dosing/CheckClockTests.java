// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckClockTests {

    final CheckClock clock = new CheckClock(DoseMathTests.defaults());
    final Instant dose = Instant.parse("2027-03-03T14:00:00Z");

    Instant at(int minutes) {
        return dose.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void duringAnInfusionChecksAreDueEveryTenMinutesThenEveryFifteenInTheFirstHourThenEveryThirty() {
        var due = clock.next(Route.IV, dose, null, List.of(), at(5));
        assertThat(due.at()).isEqualTo(at(10));
        assertThat(due.overdue()).isFalse();
        assertThat(clock.next(Route.IV, dose, null, List.of(at(10), at(20)), at(25)).at()).isEqualTo(at(30));
        assertThat(clock.next(Route.IV, dose, at(40), List.of(at(40)), at(41)).at()).isEqualTo(at(55));
        assertThat(clock.next(Route.IV, dose, at(40), List.of(at(40), at(55), at(65)), at(66)).at()).isEqualTo(at(95));
    }

    @Test
    void esketaminesFortyMinuteBloodPressureCheckIsDueOnItsOwnUntilTaken() {
        var first = clock.next(Route.NASAL, dose, at(5), List.of(at(15), at(30)), at(36));
        assertThat(first.at()).isEqualTo(at(40));
        assertThat(first.what()).isEqualTo("40-minute BP check");
        var late = clock.next(Route.NASAL, dose, at(5), List.of(at(15), at(30)), at(44));
        assertThat(late.overdue()).isTrue();
        assertThat(late.minutesLate()).isEqualTo(4);
        var taken = clock.next(Route.NASAL, dose, at(5), List.of(at(15), at(30), at(39)), at(44));
        assertThat(taken.what()).isEqualTo("Vitals check");
        assertThat(taken.at()).isEqualTo(at(54));
        assertThat(clock.fortyMinuteCheckTaken(dose, List.of(at(39)))).isTrue();
        assertThat(clock.fortyMinuteCheckTaken(dose, List.of(at(50)))).isFalse();
    }

    @Test
    void nothingIsDueBeforeTheDose() {
        assertThat(clock.next(Route.NASAL, null, null, List.of(), at(0))).isNull();
    }
}
