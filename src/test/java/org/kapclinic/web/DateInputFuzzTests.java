// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.kapclinic.calendar.WeeklyWindow;
import org.kapclinic.timeline.TimelineFilter;

/**
 * Fuzzes the date and time inputs of forms and filters (ADR 029): {@link FormValues} (every form's dates and times:
 * scheduling, blocks, evaluation, plans...), the care timeline's filter and its "older" cursor, and the weekly windows
 * typed into a therapist's profile. The input is split at line ends into the fields.
 */
class DateInputFuzzTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);
    /** What both databases store in a DATE or TIMESTAMP column, and what "YYYY-MM-DD" can say. */
    private static final LocalDate FIRST_STORABLE = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_STORABLE = LocalDate.of(9999, 12, 31);

    /**
     * A form date is blank (null), a date written back exactly as typed in YYYY-MM-DD with a year the databases can
     * store, or refused with an IllegalArgumentException that starts with the field's name (shown next to the field);
     * never any other exception, which would be a 500.
     */
    @FuzzTest(maxDuration = "60s")
    void formDatesAndTimesAreReadOrRefusedWithTheFieldsMessage(FuzzedDataProvider data) {
        var text = data.consumeRemainingAsString();
        try {
            var date = FormValues.date("day", text);
            if (date == null) {
                assertThat(text.isBlank()).isTrue();
            } else {
                assertThat(date.toString()).isEqualTo(text.strip());
                assertThat(date).isBetween(FIRST_STORABLE, LAST_STORABLE);
            }
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("day: ");
        }
        try {
            var time = FormValues.time("start", text);
            assertThat(time == null).isEqualTo(text.isBlank());
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("start: ");
        }
    }

    /**
     * The timeline filter reads any query (kinds, from, to, before) without throwing; a valid one names dates from 1990
     * to a year ahead in order, and a cursor the databases can compare with (years 1 to 9999); an invalid one says
     * which field is wrong.
     */
    @FuzzTest(maxDuration = "60s")
    void timelineFiltersAreReadOrExplainedNeverThrown(FuzzedDataProvider data) {
        var f = data.consumeRemainingAsString().split("\n", -1);
        var filter = TimelineFilter.read(Arrays.asList(field(f, 0).split(",", -1)), field(f, 1), field(f, 2),
                field(f, 3), TODAY);
        assertThat(filter.kinds()).isNotEmpty();
        assertThat(filter.errors().keySet()).isSubsetOf("kind", "from", "to", "before");
        if (filter.valid()) {
            if (filter.from() != null) {
                assertThat(filter.from()).isBetween(LocalDate.of(1990, 1, 1), TODAY.plusYears(1));
            }
            if (filter.to() != null) {
                assertThat(filter.to()).isBetween(LocalDate.of(1990, 1, 1), TODAY.plusYears(1));
            }
            if (filter.from() != null && filter.to() != null) {
                assertThat(filter.from()).isBeforeOrEqualTo(filter.to());
            }
            if (filter.before() != null) {
                assertThat(filter.before()).isBetween(Instant.parse("0001-01-01T00:00:00Z"),
                        Instant.parse("9999-12-31T23:59:59.999999Z"));
            }
        }
    }

    /**
     * A weekly window ("Tue 17:00-20:00") reads as a window whose stored form reads back as the same window, or is
     * refused with an IllegalArgumentException or a DateTimeException, which the profile form turns into a message.
     */
    @FuzzTest(maxDuration = "60s")
    void weeklyWindowsRoundTripThroughTheirStoredForm(FuzzedDataProvider data) {
        var text = data.consumeRemainingAsString();
        WeeklyWindow window;
        try {
            window = WeeklyWindow.parse(text);
        } catch (IllegalArgumentException | DateTimeException refused) {
            return;
        }
        assertThat(WeeklyWindow.parse(window.storedForm())).isEqualTo(window);
        assertThat(window.to()).isAfter(window.from());
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? fields[index] : "";
    }
}
