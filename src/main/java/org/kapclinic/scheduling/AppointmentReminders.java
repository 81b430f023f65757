// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.notifications.Notifications;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails the patient 48 hours and 24 hours before each booked appointment (an appointment booked inside 48 hours gets
 * only the 24-hour one). Dosing reminders carry the dosing-day instructions (REFERENCE.md 1.3: no food for 2 hours and
 * no liquids for 30 minutes before; a driver home; no driving until the next day after sleep) and a link to confirm
 * transport. Emails name no diagnosis, drug or person: "Appointment", the time and the place, a link behind sign-in,
 * and an .ics file. Cluster-safe: ShedLock, and each reminder is claimed by a conditional update in the transaction
 * that queues its email.
 */
@Component
class AppointmentReminders {

    private static final String JOB = "system:appointment-reminders";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);

    record Due(UUID id, UUID patientId, AppointmentType type, UUID locationId, Instant startsAt, Instant endsAt,
            boolean first) {}

    private final JdbcClient jdbc;
    private final Locations locations;
    private final PatientDirectory directory;
    private final Notifications notifications;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String clinicName;
    private final String baseUrl;

    AppointmentReminders(JdbcClient jdbc, Locations locations, PatientDirectory directory, Notifications notifications,
            ClinicCalendar calendar, AuditTrail audit, Clock clock, PlatformTransactionManager transactions,
            @Value("${kap.clinic.name}") String clinicName, @Value("${kap.clinic.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.directory = directory;
        this.notifications = notifications;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.clinicName = clinicName;
        this.baseUrl = baseUrl;
    }

    @Scheduled(fixedDelayString = "${kap.scheduling.reminder-interval:PT5M}", initialDelayString = "PT40S")
    @SchedulerLock(name = "appointment-reminders", lockAtMostFor = "PT5M")
    void run() {
        sendDue();
    }

    /** Sends every reminder due now; returns how many were queued by this call. */
    int sendDue() {
        var now = clock.instant();
        var in24 = Appointments.utc(now.plus(Duration.ofHours(24)));
        var in48 = Appointments.utc(now.plus(Duration.ofHours(48)));
        List<Due> due = jdbc.sql("""
                SELECT id, patient_id, type, location_id, starts_at, ends_at, reminded_48_at, reminded_24_at
                FROM appointment WHERE status = 'BOOKED' AND starts_at > :now AND starts_at <= :in48
                    AND ((starts_at > :in24 AND reminded_48_at IS NULL) OR (starts_at <= :in24 AND reminded_24_at IS NULL))
                ORDER BY starts_at LIMIT 200""")
                .param("now", Appointments.utc(now)).param("in24", in24).param("in48", in48)
                .query((rs, n) -> {
                    var starts = rs.getObject("starts_at", java.time.OffsetDateTime.class).toInstant();
                    return new Due(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                            AppointmentType.valueOf(rs.getString("type")), rs.getObject("location_id", UUID.class),
                            starts, rs.getObject("ends_at", java.time.OffsetDateTime.class).toInstant(),
                            starts.isAfter(now.plus(Duration.ofHours(24))));
                })
                .list();
        int sent = 0;
        for (var d : due) {
            Boolean queued = tx.execute(status -> send(d, now));
            if (Boolean.TRUE.equals(queued)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Due d, Instant now) {
        var column = d.first() ? "reminded_48_at" : "reminded_24_at";
        // claim it: another node, or an earlier run, may have sent it already
        int claimed = jdbc.sql("UPDATE appointment SET " + column + " = :now" + (d.first() ? "" : ", reminded_48_at ="
                        + " COALESCE(reminded_48_at, :now)") + " WHERE id = :id AND status = 'BOOKED' AND " + column
                        + " IS NULL")
                .param("now", Appointments.utc(now)).param("id", d.id()).update();
        if (claimed == 0) {
            return false;
        }
        var contact = directory.contact(new PatientId(d.patientId())).orElse(null);
        if (contact == null || contact.voided() || contact.email() == null || contact.email().isBlank()) {
            audit.recordAs(JOB, "", new AuditRecord("APPOINTMENT_REMINDER_SKIPPED", AuditRecord.Outcome.FAILURE, d.patientId(),
                    "Appointment", d.id().toString(), "no email address"));
            return false;
        }
        var zone = calendar.zone();
        var place = locations.find(d.locationId()).orElse(null);
        var where = place == null ? clinicName : place.name() + ", " + place.address();
        var start = d.startsAt().atZone(zone);
        var body = new StringBuilder();
        body.append("Hello,\n\nThis is a reminder of your appointment at ").append(clinicName).append(":\n\n  ")
                .append(DAY.format(start)).append(" at ").append(TIME.format(start)).append("\n  ").append(where)
                .append("\n\n");
        if (d.type() == AppointmentType.DOSING) {
            var token = Tokens.fresh("t");
            jdbc.sql("INSERT INTO transport_link (token_hash, appointment_id, created_at) VALUES (:h, :a, :at)")
                    .param("h", Tokens.hash(token)).param("a", d.id()).param("at", Appointments.utc(now)).update();
            body.append("""
                    On the day of this visit:
                      - Do not eat for 2 hours, and do not drink anything for 30 minutes, before you arrive.
                      - Arrange for someone to take you home. Do not drive until the next day, after a night's sleep.

                    Please confirm that your ride home is arranged:
                      """).append(baseUrl).append("/t/").append(token).append("\n\n");
        }
        body.append("To see your appointments, sign in: ").append(baseUrl).append("/portal/appointments\n\n")
                .append("If you are in crisis, call or text 988, or call 911. This mailbox is not monitored around the")
                .append(" clock.\n");
        var ics = IcsFiles.calendar(List.of(new IcsFiles.Event(d.id().toString(), d.startsAt(), d.endsAt(),
                "Appointment at " + clinicName, where, baseUrl + "/portal/appointments")));
        notifications.queueEmailAbout(d.patientId(), contact.email(), "Appointment reminder: " + DateTimeFormatter
                .ofPattern("EEE d MMM, HH:mm", Locale.US).format(start), body.toString(),
                new Notifications.Attachment("appointment.ics", "text/calendar", ics));
        audit.recordAs(JOB, "", new AuditRecord("APPOINTMENT_REMINDER_SENT", AuditRecord.Outcome.SUCCESS, d.patientId(),
                "Appointment", d.id().toString(), d.first() ? "48h" : "24h"));
        return true;
    }
}
