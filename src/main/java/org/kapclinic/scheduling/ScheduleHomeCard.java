// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.HomeCard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Today's dosing sessions, unconfirmed transport and plan sessions still to book, as counts for the home page. */
@Component
class ScheduleHomeCard implements HomeCard {

    private final JdbcClient jdbc;
    private final ClinicCalendar calendar;
    private final Clock clock;

    ScheduleHomeCard(JdbcClient jdbc, ClinicCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Optional<Card> cardFor(ClinicUser user) {
        if (!user.hasAnyRole(Role.INTAKE_COORDINATOR, Role.THERAPIST, Role.NURSE, Role.PRESCRIBER)) {
            return Optional.empty();
        }
        var zone = calendar.zone();
        var today = LocalDate.now(clock.withZone(zone));
        var from = Appointments.utc(today.atStartOfDay(zone).toInstant());
        var to = Appointments.utc(today.plusDays(1).atStartOfDay(zone).toInstant());
        long dosing = jdbc.sql("SELECT COUNT(*) FROM appointment WHERE type = 'DOSING' AND status = 'BOOKED'"
                + " AND starts_at >= :from AND starts_at < :to").param("from", from).param("to", to)
                .query(Long.class).single();
        long unconfirmed = jdbc.sql("SELECT COUNT(*) FROM appointment WHERE type = 'DOSING' AND status = 'BOOKED'"
                + " AND transport_confirmed_at IS NULL AND starts_at >= :from AND starts_at < :to")
                .param("from", from).param("to", to).query(Long.class).single();
        long unbooked = jdbc.sql("SELECT COUNT(*) FROM unbooked_plan_item WHERE resolved_at IS NULL AND wanted_at > :now")
                .param("now", Appointments.utc(clock.instant())).query(Long.class).single();
        var text = new StringBuilder().append(dosing).append(dosing == 1 ? " dosing session" : " dosing sessions")
                .append(" today");
        if (unconfirmed > 0) {
            text.append(", ").append(unconfirmed).append(" without confirmed transport");
        }
        text.append(".");
        if (unbooked > 0) {
            text.append(" ").append(unbooked).append(unbooked == 1 ? " plan session" : " plan sessions")
                    .append(" still to book.");
        }
        return Optional.of(new Card("Schedule", "/schedule", text.toString(), unconfirmed > 0 || unbooked > 0));
    }
}
