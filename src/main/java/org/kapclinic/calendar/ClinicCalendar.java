// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kapclinic.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar module's entry point: the clinic's business calendar as it stands now, and the admin's changes to it.
 * Reading needs no sign-in (the public inquiry form computes its respond-by time); changing it is for admins.
 */
@Service
@Transactional(readOnly = true)
public class ClinicCalendar {

    private final JdbcClient jdbc;
    private final CalendarDefaults defaults;
    private final ZoneId defaultZone;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClinicCalendar(JdbcClient jdbc, CalendarDefaults defaults, @Value("${kap.clinic.time-zone}") String zone,
            CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.defaultZone = ZoneId.of(zone);
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The calendar in force: the admin's settings if saved, else the configured defaults, plus the clinic's holidays. */
    public BusinessCalendar current() {
        var extra = jdbc.sql("SELECT holiday_date FROM clinic_holiday").query(LocalDate.class).set();
        return jdbc.sql("""
                SELECT time_zone, business_days, opens_at, closes_at, us_federal_holidays, counting_mode
                FROM clinic_calendar WHERE id = 1""")
                .query((rs, n) -> new BusinessCalendar(ZoneId.of(rs.getString(1)), days(rs.getString(2)),
                        rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class), rs.getBoolean(5), extra,
                        CountingMode.valueOf(rs.getString(6))))
                .optional()
                .orElseGet(() -> new BusinessCalendar(defaultZone, days(defaults.businessDays()), defaults.opens(),
                        defaults.closes(), defaults.usFederalHolidays(), extra, defaults.counting()));
    }

    /** The clinic's time zone, for showing times. */
    public ZoneId zone() {
        return current().zone();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public CalendarSettings settings() {
        long version = jdbc.sql("SELECT version FROM clinic_calendar WHERE id = 1").query(Long.class).optional().orElse(0L);
        return CalendarSettings.of(current(), version);
    }

    /**
     * Saves the admin's calendar. Refuses with {@link OptimisticLockingFailureException} if another admin saved since
     * {@code settings.version()} was read. Respond-by times already promised keep their value.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void save(CalendarSettings settings) {
        var calendar = new BusinessCalendar(ZoneId.of(settings.timeZone()), settings.businessDays(), settings.opens(),
                settings.closes(), Boolean.TRUE.equals(settings.usFederalHolidays()), Set.of(), settings.counting());
        long expected = settings.version() == null ? 0 : settings.version();
        var params = new java.util.HashMap<String, Object>();
        params.put("zone", calendar.zone().getId());
        params.put("days", calendar.businessDays().stream().sorted().map(d -> d.name().substring(0, 3))
                .collect(Collectors.joining(",")));
        params.put("opens", calendar.opens());
        params.put("closes", calendar.closes());
        params.put("federal", calendar.usFederalHolidays());
        params.put("mode", calendar.mode().name());
        params.put("now", now());
        params.put("by", currentUser.name());
        params.put("version", expected);
        int updated = jdbc.sql("""
                UPDATE clinic_calendar SET time_zone = :zone, business_days = :days, opens_at = :opens,
                    closes_at = :closes, us_federal_holidays = :federal, counting_mode = :mode, updated_at = :now,
                    updated_by = :by, version = version + 1
                WHERE id = 1 AND version = :version""").params(params).update();
        if (updated == 0) {
            if (expected != 0) {
                throw new OptimisticLockingFailureException("The calendar was changed by someone else.");
            }
            try {
                jdbc.sql("""
                        INSERT INTO clinic_calendar (id, time_zone, business_days, opens_at, closes_at,
                            us_federal_holidays, counting_mode, updated_at, updated_by, version)
                        VALUES (1, :zone, :days, :opens, :closes, :federal, :mode, :now, :by, 1)""")
                        .params(params).update();
            } catch (DuplicateKeyException e) {
                throw new OptimisticLockingFailureException("The calendar was changed by someone else.");
            }
        }
        events.publishEvent(new CalendarChanged("hours " + calendar.opens() + "-" + calendar.closes() + ", days "
                + params.get("days") + ", zone " + calendar.zone().getId() + ", counting " + calendar.mode()
                + ", federal holidays " + calendar.usFederalHolidays()));
    }

    /** Adds a day the clinic is closed; adding a date twice keeps the first name. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public boolean addHoliday(LocalDate date, String name) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM clinic_holiday WHERE holiday_date = :d").param("d", date)
                .query(Integer.class).single() > 0;
        if (exists) {
            return false;
        }
        jdbc.sql("INSERT INTO clinic_holiday (holiday_date, name, created_at, created_by) VALUES (:d, :n, :now, :by)")
                .param("d", date).param("n", name.strip()).param("now", now()).param("by", currentUser.name()).update();
        events.publishEvent(new CalendarChanged("holiday added " + date));
        return true;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void removeHoliday(LocalDate date) {
        if (jdbc.sql("DELETE FROM clinic_holiday WHERE holiday_date = :d").param("d", date).update() > 0) {
            events.publishEvent(new CalendarChanged("holiday removed " + date));
        }
    }

    /** Closed days from {@code from} for a year: the clinic's own, and the federal ones when they count. */
    public List<Holiday> holidaysFrom(LocalDate from) {
        var until = from.plusYears(1);
        var result = new ArrayList<Holiday>();
        jdbc.sql("SELECT holiday_date, name FROM clinic_holiday WHERE holiday_date >= :from AND holiday_date < :until")
                .param("from", from).param("until", until)
                .query((rs, n) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2), false))
                .list().forEach(result::add);
        if (current().usFederalHolidays()) {
            var seen = new HashSet<LocalDate>();
            result.forEach(h -> seen.add(h.date()));
            for (int year = from.getYear(); year <= until.getYear(); year++) {
                for (var date : UsFederalHolidays.observedIn(year)) {
                    if (!date.isBefore(from) && date.isBefore(until) && seen.add(date)) {
                        var name = UsFederalHolidays.nameOf(date);
                        result.add(new Holiday(date, name == null ? "Federal holiday" : name, true));
                    }
                }
            }
        }
        result.sort(Comparator.comparing(Holiday::date));
        return result;
    }

    private static Set<DayOfWeek> days(String text) {
        var set = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(WeeklyWindow::dayOf)
                .forEach(set::add);
        return set;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
