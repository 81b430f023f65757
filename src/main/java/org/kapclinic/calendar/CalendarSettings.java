// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The calendar as an admin edits it on /admin/calendar. */
public record CalendarSettings(
        @NotBlank(message = "Choose the clinic's time zone.") @Nullable String timeZone,
        @NotEmpty(message = "Choose at least one business day.") @Nullable Set<DayOfWeek> businessDays,
        @NotNull(message = "Enter the opening time, e.g. 08:00.") @DateTimeFormat(pattern = "HH:mm") @Nullable LocalTime opens,
        @NotNull(message = "Enter the closing time, e.g. 17:00.") @DateTimeFormat(pattern = "HH:mm") @Nullable LocalTime closes,
        @Nullable Boolean usFederalHolidays,
        @NotNull(message = "Choose how the reply clock counts.") @Nullable CountingMode counting,
        @Nullable Long version) {

    static CalendarSettings of(BusinessCalendar calendar, long version) {
        return new CalendarSettings(calendar.zone().getId(), calendar.businessDays(), calendar.opens(),
                calendar.closes(), calendar.usFederalHolidays(), calendar.mode(), version);
    }
}
