// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntegrationItemTests {

    static final Instant DUE = Instant.parse("2026-11-30T17:00:00Z");

    @Test
    void anOpenItemIsDueUpToAndIncludingItsDueTimeAndOverdueAMicrosecondAfter() {
        var open = OnTimeRateTests.item(null, DUE, IntegrationItem.State.OPEN, null);
        assertThat(open.statusAt(DUE.minus(Duration.ofHours(71)))).isEqualTo(IntegrationStatus.DUE);
        assertThat(open.statusAt(DUE.minusNanos(1000))).isEqualTo(IntegrationStatus.DUE);
        assertThat(open.statusAt(DUE)).isEqualTo(IntegrationStatus.DUE);
        assertThat(open.statusAt(DUE.plusNanos(1000))).isEqualTo(IntegrationStatus.OVERDUE);
        assertThat(IntegrationStatus.OVERDUE.attention()).isTrue();
    }

    @Test
    void aDoneItemStaysOnTimeOrLateWhateverTheClockSays() {
        var onTime = OnTimeRateTests.item(null, DUE, IntegrationItem.State.DONE, DUE);
        var late = OnTimeRateTests.item(null, DUE, IntegrationItem.State.DONE, DUE.plusNanos(1000));
        var later = DUE.plus(Duration.ofDays(30));
        assertThat(onTime.statusAt(later)).isEqualTo(IntegrationStatus.DONE_ON_TIME);
        assertThat(late.statusAt(later)).isEqualTo(IntegrationStatus.DONE_LATE);
        assertThat(OnTimeRateTests.item(null, DUE, IntegrationItem.State.NOT_NEEDED, null).statusAt(later))
                .isEqualTo(IntegrationStatus.NOT_NEEDED);
    }
}
