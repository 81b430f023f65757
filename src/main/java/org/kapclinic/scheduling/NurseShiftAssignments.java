// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.patients.NurseAssignments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For care-team-only access: a nurse works with the patients booked for dosing today at a location where the nurse
 * has a shift today (nurses watch chairs, not named patients, so the shift is the assignment).
 */
@Component
class NurseShiftAssignments implements NurseAssignments {

    private final JdbcClient jdbc;
    private final ClinicCalendar calendar;
    private final Clock clock;

    NurseShiftAssignments(JdbcClient jdbc, ClinicCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Set<UUID> patientsBookedToday(UUID nurseUserId) {
        var zone = calendar.zone();
        var today = LocalDate.now(clock.withZone(zone));
        var from = Appointments.utc(today.atStartOfDay(zone).toInstant());
        var to = Appointments.utc(today.plusDays(1).atStartOfDay(zone).toInstant());
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT a.patient_id FROM appointment a
                WHERE a.type = 'DOSING' AND a.status = 'BOOKED' AND a.starts_at >= :from AND a.starts_at < :to
                    AND EXISTS (SELECT 1 FROM staff_block b WHERE b.account_id = :nurse AND b.kind = 'NURSE_SHIFT'
                        AND b.removed_at IS NULL AND b.location_id = a.location_id AND b.starts_at < :to
                        AND b.ends_at > :from)""")
                .param("from", from).param("to", to).param("nurse", nurseUserId).query(UUID.class).list());
    }
}
