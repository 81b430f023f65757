// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in clinician's own booked appointments in a window (a therapist's notes worklist asks which sessions
 * still need a note). The caller audits what it shows.
 */
@Service
@Transactional(readOnly = true)
public class ClinicianAppointments {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    ClinicianAppointments(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** Booked appointments of these types with me as the clinician, starting in [from, to), newest first. */
    @PreAuthorize("hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')")
    public List<Appointment> mine(List<AppointmentType> types, Instant from, Instant to) {
        if (types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM appointment WHERE clinician_id = :me AND status = 'BOOKED' AND type IN (:types)
                    AND starts_at >= :from AND starts_at < :to ORDER BY starts_at DESC""")
                .param("me", currentUser.get().id().value()).param("types", types.stream().map(Enum::name).toList())
                .param("from", Appointments.utc(from)).param("to", Appointments.utc(to))
                .query(Appointments::map).list();
    }
}
