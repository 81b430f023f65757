// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kapclinic.patients.PatientId;
import org.kapclinic.timeline.TimelineEntry;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineSource;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appointments booked (when, what and where), cancelled or moved (with the reason), and rides home confirmed, each at
 * the moment it happened. One query in three bounded parts.
 */
@Component
class AppointmentTimeline implements TimelineSource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d, yyyy h:mm a", Locale.US);

    private final JdbcClient jdbc;
    private final ZoneId zone;

    AppointmentTimeline(JdbcClient jdbc, @Value("${kap.clinic.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public Set<TimelineKind> kinds() {
        return Set.of(TimelineKind.APPOINTMENT);
    }

    @Override
    public List<TimelineEntry> entries(PatientId patient, TimelineWindow window) {
        var href = "/patients/" + patient.value() + "/appointments";
        return jdbc.sql("""
                SELECT x.ev, x.at, x.type, x.starts_at, x.status, x.change_reason, l.name AS place FROM (
                    SELECT * FROM (SELECT 'BOOKED' AS ev, created_at AS at, type, starts_at, status, change_reason,
                            location_id
                        FROM appointment WHERE patient_id = :patient AND created_at >= :from AND created_at < :to
                        ORDER BY created_at DESC LIMIT :limit) a1
                    UNION ALL
                    SELECT * FROM (SELECT 'CHANGED' AS ev, updated_at AS at, type, starts_at, status, change_reason,
                            location_id
                        FROM appointment WHERE patient_id = :patient AND status <> 'BOOKED'
                            AND updated_at >= :from AND updated_at < :to
                        ORDER BY updated_at DESC LIMIT :limit) a2
                    UNION ALL
                    SELECT * FROM (SELECT 'RIDE' AS ev, transport_confirmed_at AS at, type, starts_at, status,
                            change_reason, location_id
                        FROM appointment WHERE patient_id = :patient
                            AND transport_confirmed_at >= :from AND transport_confirmed_at < :to
                        ORDER BY transport_confirmed_at DESC LIMIT :limit) a3
                ) x JOIN clinic_location l ON l.id = x.location_id""")
                .param("patient", patient.value())
                .param("from", OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC))
                .param("limit", window.limit())
                .query((rs, n) -> {
                    var at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    var what = AppointmentType.valueOf(rs.getString("type")).label() + ", "
                            + WHEN.format(rs.getObject("starts_at", OffsetDateTime.class).toInstant().atZone(zone));
                    var place = "At " + rs.getString("place");
                    return switch (rs.getString("ev")) {
                        case "BOOKED" -> new TimelineEntry(at, TimelineKind.APPOINTMENT, "Booked: " + what, place, href,
                                false);
                        case "RIDE" -> new TimelineEntry(at, TimelineKind.APPOINTMENT, "Ride home confirmed: " + what,
                                place, href, false);
                        default -> {
                            var reason = rs.getString("change_reason");
                            yield new TimelineEntry(at, TimelineKind.APPOINTMENT,
                                    ("RESCHEDULED".equals(rs.getString("status")) ? "Moved: " : "Cancelled: ") + what,
                                    reason == null || reason.isBlank() ? place : place + ". Reason: " + reason, href,
                                    false);
                        }
                    };
                })
                .list();
    }
}
