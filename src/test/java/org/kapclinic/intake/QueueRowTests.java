// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kapclinic.calendar.BusinessCalendar;
import org.kapclinic.vocabulary.Interest;

/** What the queue shows for the time left: business time, highlighted under 4 hours; overdue in plain time. */
class QueueRowTests {

    final BusinessCalendar calendar = BusinessCalendar.demo();

    static Instant phoenix(String local) {
        return LocalDateTime.parse(local).atZone(calendar().zone()).toInstant();
    }

    static BusinessCalendar calendar() {
        return BusinessCalendar.demo();
    }

    static QueueEntry entry(Instant respondBy, @Nullable Instant contacted) {
        return new QueueEntry(new InquiryId(UUID.randomUUID()), "INQ-TEST01", "Testa Queueson", "AZ", Interest.KAP, false,
                false, CrisisFinding.NONE, false, InquiryStatus.OPEN, respondBy.minusSeconds(86400), respondBy, contacted);
    }

    @Test
    void moreThanFourBusinessHoursLeftIsNotHighlighted() {
        var row = QueueRow.of(entry(phoenix("2026-11-17T15:00"), null), calendar, phoenix("2026-11-17T09:00"));
        assertThat(row.timeLeft()).isEqualTo("6 h 0 min business time left");
        assertThat(row.soon()).isFalse();
        assertThat(row.overdue()).isFalse();
    }

    @Test
    void underFourBusinessHoursIsHighlightedAndAWeekendDoesNotCount() {
        // Friday 23:00 to Monday 02:00: one hour Friday, two Monday
        var row = QueueRow.of(entry(phoenix("2026-11-16T02:00"), null), calendar, phoenix("2026-11-13T23:00"));
        assertThat(row.timeLeft()).isEqualTo("3 h 0 min business time left");
        assertThat(row.soon()).isTrue();
    }

    @Test
    void overdueIsToldInPlainElapsedTime() {
        var row = QueueRow.of(entry(phoenix("2026-11-25T12:00"), null), calendar, phoenix("2026-11-26T13:30"));
        assertThat(row.overdue()).isTrue();
        assertThat(row.timeLeft()).isEqualTo("Overdue by 1 d 1 h 30 min");
    }

    @Test
    void aContactedInquiryShowsTheClockStopped() {
        var row = QueueRow.of(entry(phoenix("2026-11-17T15:00"), phoenix("2026-11-17T10:00")), calendar,
                phoenix("2026-11-18T09:00"));
        assertThat(row.stopped()).isTrue();
        assertThat(row.overdue()).isFalse();
        assertThat(row.timeLeft()).isEqualTo("Clock stopped: contacted");
    }

    @Test
    void aMidnightDeadlineReadsAsTheEndOfThePreviousDay() {
        assertThat(Inquiries.format(phoenix("2026-11-28T00:00"), calendar.zone()))
                .isEqualTo("the end of Friday 27 November 2026 (midnight MST)");
        assertThat(Inquiries.format(phoenix("2026-11-30T15:00"), calendar.zone()))
                .isEqualTo("Monday 30 November 2026 at 3:00 PM MST");
    }
}
