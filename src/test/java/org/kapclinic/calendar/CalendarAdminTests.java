// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The admin's business calendar. It changes only things other tests do not rely on, and puts them back. */
@ClinicIntegrationTest
class CalendarAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ClinicCalendar calendar;

    @AfterEach
    void realTime() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void theCalendarPageListsFederalHolidaysInTheComingYear() throws Exception {
        TestClock.INSTANCE.pin(Instant.parse("2026-11-01T12:00:00Z"));
        var admin = TestAccounts.create(context, Role.ADMIN);
        mvc.perform(get("/admin/calendar").with(TestAccounts.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thanksgiving Day (federal)")))
                .andExpect(content().string(containsString("America/New_York")));
    }

    @Test
    void aClinicHolidayIsSkippedByTheClockAndCanBeRemoved() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var day = LocalDate.of(2031, 3, 5); // a Wednesday no other test uses
        mvc.perform(post("/admin/calendar/holidays").with(csrf()).with(TestAccounts.as(admin))
                        .param("date", day.toString()).param("name", "Staff training day"))
                .andExpect(status().is3xxRedirection());
        var zone = ZoneId.of("America/New_York");
        var tuesdayNoon = day.minusDays(1).atTime(12, 0).atZone(zone).toInstant();
        assertThat(calendar.current().addBusinessTime(tuesdayNoon, java.time.Duration.ofHours(24)))
                .isEqualTo(day.plusDays(1).atTime(12, 0).atZone(zone).toInstant());
        mvc.perform(post("/admin/calendar/holidays/" + day + "/remove").with(csrf()).with(TestAccounts.as(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.current().isHoliday(day)).isFalse();
    }

    @Test
    void badSettingsAreExplainedNextToTheirFieldsAndNotSaved() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        mvc.perform(post("/admin/calendar").with(csrf()).with(TestAccounts.as(admin))
                        .param("timeZone", "Mars/Olympus_Mons").param("opens", "17:00").param("closes", "08:00")
                        .param("counting", "BUSINESS_DAYS").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not a time zone")))
                .andExpect(content().string(containsString("Closing time must be after opening time.")))
                .andExpect(content().string(containsString("Choose at least one business day.")))
                .andExpect(content().string(containsString("Mars/Olympus_Mons")));
        assertThat(calendar.current().zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void onlyAdminsSeeTheCalendarSettings() throws Exception {
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        mvc.perform(get("/admin/calendar").with(TestAccounts.as(coordinator))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar").with(TestAccounts.as(coordinator)))
                .andExpect(content().string(not(containsString("Business days"))));
    }
}
