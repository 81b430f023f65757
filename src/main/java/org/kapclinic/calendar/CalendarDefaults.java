// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.calendar.*}: the business calendar a clinic starts with, before an admin changes it on /admin/calendar.
 * The time zone is {@code kap.clinic.time-zone}. Defaults: Monday to Friday, 08:00–17:00, US federal holidays, and the
 * reply clock counting whole business days (README, "Settings").
 */
@ConfigurationProperties("kap.calendar")
record CalendarDefaults(
        @DefaultValue("MON,TUE,WED,THU,FRI") String businessDays,
        @DefaultValue("08:00") LocalTime opens,
        @DefaultValue("17:00") LocalTime closes,
        @DefaultValue("true") boolean usFederalHolidays,
        @DefaultValue("BUSINESS_DAYS") CountingMode counting) {}
