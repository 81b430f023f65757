// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class OnTimeRateTests {

    static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    static final Instant FROM = NOW.minus(Duration.ofDays(90));
    static final Instant TO = NOW.plus(Duration.ofDays(1));
    static final UUID THEO = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID TAMSIN = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    static IntegrationItem item(@Nullable UUID therapist, Instant due, IntegrationItem.State state,
            @Nullable Instant done) {
        return new IntegrationItem(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), due.minus(Duration.ofHours(72)),
                due, 72, IntegrationItem.WindowSource.SETTING, therapist, state, done, null,
                state == IntegrationItem.State.NOT_NEEDED ? due : null, null, null, due.minus(Duration.ofHours(72)));
    }

    @Test
    void nothingCountedHasNoPercentageRatherThanZero() {
        var report = OnTimeRate.of(List.of(), NOW, FROM, TO);
        assertThat(report.clinic()).isEqualTo(new OnTimeRate(0, 0, 0));
        assertThat(report.clinic().percent()).isNull();
        assertThat(report.byTherapist()).isEmpty();
    }

    @Test
    void anItemDoneExactlyAtItsDueTimeIsOnTimeAndAMicrosecondLaterIsLate() {
        var due = NOW.minus(Duration.ofDays(1));
        var report = OnTimeRate.of(List.of(item(THEO, due, IntegrationItem.State.DONE, due),
                item(THEO, due, IntegrationItem.State.DONE, due.plusNanos(1000))), NOW, FROM, TO);
        assertThat(report.clinic()).isEqualTo(new OnTimeRate(1, 2, 0));
        assertThat(report.clinic().percent()).isEqualTo(50);
    }

    @Test
    void anOpenItemCountsAgainstTheRateOnlyOnceItsDueTimeHasPassed() {
        var atNow = item(THEO, NOW, IntegrationItem.State.OPEN, null);
        var passed = item(THEO, NOW.minusNanos(1000), IntegrationItem.State.OPEN, null);
        var report = OnTimeRate.of(List.of(atNow, passed), NOW, FROM, TO);
        assertThat(report.clinic()).isEqualTo(new OnTimeRate(0, 1, 0));
        assertThat(report.clinic().percent()).isZero();
    }

    @Test
    void anItemDoneEarlyCountsEvenBeforeItsDueTime() {
        var due = NOW.plus(Duration.ofHours(10));
        var report = OnTimeRate.of(List.of(item(THEO, due, IntegrationItem.State.DONE, NOW.minus(Duration.ofHours(1)))),
                NOW, FROM, TO);
        assertThat(report.clinic()).isEqualTo(new OnTimeRate(1, 1, 0));
        assertThat(report.clinic().percent()).isEqualTo(100);
    }

    @Test
    void notNeededItemsAreCountedApartAndNeverInTheRate() {
        var due = NOW.minus(Duration.ofDays(2));
        var report = OnTimeRate.of(List.of(item(THEO, due, IntegrationItem.State.NOT_NEEDED, null),
                item(THEO, due, IntegrationItem.State.DONE, due.minus(Duration.ofHours(1)))), NOW, FROM, TO);
        assertThat(report.clinic()).isEqualTo(new OnTimeRate(1, 1, 1));
    }

    @Test
    void theRangeIncludesItsStartAndExcludesItsEnd() {
        var report = OnTimeRate.of(List.of(item(THEO, FROM, IntegrationItem.State.DONE, FROM),
                item(THEO, FROM.minusNanos(1000), IntegrationItem.State.DONE, FROM.minus(Duration.ofDays(1))),
                item(THEO, TO, IntegrationItem.State.DONE, NOW)), NOW, FROM, TO);
        assertThat(report.clinic()).isEqualTo(new OnTimeRate(1, 1, 0));
    }

    @Test
    void percentagesRoundHalfUp() {
        assertThat(new OnTimeRate(2, 3, 0).percent()).isEqualTo(67);
        assertThat(new OnTimeRate(1, 3, 0).percent()).isEqualTo(33);
        assertThat(new OnTimeRate(1, 8, 0).percent()).isEqualTo(13); // 12.5 rounds up
        assertThat(new OnTimeRate(7, 8, 0).percent()).isEqualTo(88); // 87.5 rounds up
    }

    @Test
    void eachTherapistsFiguresAddUpToTheClinicsOnASeededRandomMix() {
        var random = new Random(20261127L);
        for (int round = 0; round < 200; round++) {
            var items = new ArrayList<IntegrationItem>();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                var therapist = switch (random.nextInt(3)) {
                    case 0 -> THEO;
                    case 1 -> TAMSIN;
                    default -> null;
                };
                var due = NOW.plus(Duration.ofHours(random.nextInt(24 * 200) - 24 * 150));
                var state = IntegrationItem.State.values()[random.nextInt(3)];
                var done = state == IntegrationItem.State.DONE ? due.plus(Duration.ofHours(random.nextInt(48) - 40))
                        : null;
                items.add(item(therapist, due, state, done));
            }
            var report = OnTimeRate.of(items, NOW, FROM, TO);
            assertThat(report.byTherapist().stream().mapToLong(t -> t.rate().counted()).sum())
                    .isEqualTo(report.clinic().counted());
            assertThat(report.byTherapist().stream().mapToLong(t -> t.rate().onTime()).sum())
                    .isEqualTo(report.clinic().onTime());
            assertThat(report.byTherapist().stream().mapToLong(t -> t.rate().notNeeded()).sum())
                    .isEqualTo(report.clinic().notNeeded());
            assertThat(report.clinic().onTime()).isLessThanOrEqualTo(report.clinic().counted());
            if (report.clinic().counted() > 0) {
                assertThat(report.clinic().percent()).isBetween(0, 100);
            }
        }
    }
}
