// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineFilterTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void noKindTickedMeansEveryKindAndNothingIsTicked() {
        var filter = TimelineFilter.read(null, null, null, null, TODAY);
        assertThat(filter.valid()).isTrue();
        assertThat(filter.allKinds()).isTrue();
        assertThat(filter.ticked(TimelineKind.MEASURE)).isFalse();
    }

    @Test
    void readsKindsInAnyCaseAndKeepsWhatWasTyped() {
        var filter = TimelineFilter.read(List.of("measure", "ALERT"), " 2025-01-02 ", "", null, TODAY);
        assertThat(filter.kinds()).containsExactlyInAnyOrder(TimelineKind.MEASURE, TimelineKind.ALERT);
        assertThat(filter.ticked(TimelineKind.MEASURE)).isTrue();
        assertThat(filter.from()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(filter.fromInput()).isEqualTo(" 2025-01-02 ");
        assertThat(filter.to()).isNull();
    }

    @Test
    void refusesAnEndBeforeTheStartButAcceptsASingleDay() {
        assertThat(TimelineFilter.read(null, "2025-05-10", "2025-05-01", null, TODAY).errors())
                .containsEntry("to", "The end date must be on or after the start date.");
        assertThat(TimelineFilter.read(null, "2025-05-10", "2025-05-10", null, TODAY).valid()).isTrue();
    }

    @Test
    void refusesUnreadableAndAbsurdDatesUnknownKindsAndAnUnreadableCursor() {
        var filter = TimelineFilter.read(List.of("GOSSIP"), "31/12/2025", "2100-01-01", "last tuesday", TODAY);
        assertThat(filter.errors()).containsOnlyKeys("kind", "from", "to", "before");
        assertThat(filter.errors().get("from")).startsWith("Enter a date as YYYY-MM-DD");
        assertThat(filter.errors().get("to")).isEqualTo("Enter a date no more than a year from today.");
        assertThat(TimelineFilter.read(null, "1899-01-01", null, null, TODAY).errors().get("from"))
                .isEqualTo("Enter a date from 1990 on.");
    }

    @Test
    void aPageNeverSplitsEntriesThatShareAnInstantAndAlwaysMovesOn() {
        var random = new Random(20261127L);
        for (int round = 0; round < 200; round++) {
            var entries = new ArrayList<TimelineEntry>();
            var at = Instant.parse("2026-01-01T00:00:00Z");
            int count = 150 + random.nextInt(200);
            for (int i = 0; i < count; i++) {
                if (random.nextInt(4) != 0) {
                    at = at.minusSeconds(1 + random.nextInt(100));
                }
                entries.add(new TimelineEntry(at, TimelineKind.MEASURE, "m" + i, null, null, false));
            }
            var page = CareTimeline.cut(entries);
            assertThat(page).isNotEmpty();
            if (page.size() < entries.size()) {
                var oldestShown = page.get(page.size() - 1).at();
                assertThat(entries.subList(page.size(), entries.size())).allMatch(e -> e.at().isBefore(oldestShown));
                assertThat(page).hasSizeLessThanOrEqualTo(CareTimeline.PAGE_SIZE);
            }
        }
    }
}
