// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the patient does with their own appointments: list the upcoming ones (portal), download one as .ics, and
 * confirm their ride home, signed in or from the link in a reminder email.
 */
@Service
@Transactional
public class PatientAppointments {

    private final JdbcClient jdbc;
    private final PatientDirectory directory;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    PatientAppointments(JdbcClient jdbc, PatientDirectory directory, CurrentUser currentUser, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('PATIENT')")
    public List<Appointment> upcoming() {
        var patient = own();
        audit.record(AuditRecord.patient("APPOINTMENTS_VIEWED", patient.value()).withDetails("portal"));
        return jdbc.sql("SELECT * FROM appointment WHERE patient_id = :p AND status = 'BOOKED' AND ends_at > :now"
                        + " ORDER BY starts_at")
                .param("p", patient.value()).param("now", Appointments.utc(clock.instant()))
                .query(Appointments::map).list();
    }

    /**
     * The signed-in patient's booked dosing appointments starting at or after {@code from} and before {@code to}, by
     * start (the portal's reflections page). The read is audited.
     */
    @PreAuthorize("hasRole('PATIENT')")
    public List<Appointment> ownDosing(java.time.Instant from, java.time.Instant to) {
        var patient = own();
        audit.record(AuditRecord.patient("APPOINTMENTS_VIEWED", patient.value()).withDetails("portal reflections"));
        return jdbc.sql("SELECT * FROM appointment WHERE patient_id = :p AND status = 'BOOKED' AND type = 'DOSING'"
                        + " AND starts_at >= :from AND starts_at < :to ORDER BY starts_at")
                .param("p", patient.value()).param("from", Appointments.utc(from)).param("to", Appointments.utc(to))
                .query(Appointments::map).list();
    }

    /** One of the signed-in patient's own booked appointments; another patient's is refused. */
    @PreAuthorize("hasRole('PATIENT')")
    public Appointment own(UUID appointment) {
        var patient = own();
        var a = jdbc.sql("SELECT * FROM appointment WHERE id = :id").param("id", appointment)
                .query(Appointments::map).optional()
                .orElseThrow(() -> new AccessDeniedException("Not your appointment."));
        if (!a.patientId().equals(patient.value())) {
            audit.record(new AuditRecord("APPOINTMENT_ACCESS_DENIED", AuditRecord.Outcome.DENIED, a.patientId(),
                    "Appointment", a.id().toString(), "portal"));
            throw new AccessDeniedException("Not your appointment.");
        }
        audit.record(new AuditRecord("APPOINTMENT_VIEWED", AuditRecord.Outcome.SUCCESS, a.patientId(), "Appointment",
                a.id().toString(), "portal"));
        return a;
    }

    @PreAuthorize("hasRole('PATIENT')")
    public void confirmTransportOwn(UUID appointment) {
        confirm(own(appointment), "portal");
    }

    /** The appointment a transport link points at, if the link is real and the appointment still ahead (audited). */
    public Optional<Appointment> byTransportLink(String token) {
        var found = find(token);
        found.ifPresent(a -> audit.recordAs("patient (transport link)", "", new AuditRecord("APPOINTMENT_VIEWED",
                AuditRecord.Outcome.SUCCESS, a.patientId(), "Appointment", a.id().toString(), "transport link")));
        return found;
    }

    private Optional<Appointment> find(String token) {
        return jdbc.sql("""
                SELECT a.* FROM transport_link t JOIN appointment a ON a.id = t.appointment_id
                WHERE t.token_hash = :h AND a.status = 'BOOKED' AND a.ends_at > :now""")
                .param("h", Tokens.hash(token)).param("now", Appointments.utc(clock.instant()))
                .query(Appointments::map).optional();
    }

    /** Confirms transport from an emailed link: the token is the credential. */
    public boolean confirmTransportByLink(String token) {
        var a = find(token);
        a.ifPresent(appointment -> confirm(appointment, "email link"));
        return a.isPresent();
    }

    private void confirm(Appointment a, String channel) {
        if (!a.booked() || a.type() != AppointmentType.DOSING) {
            throw new IllegalArgumentException("transport: this appointment needs no transport confirmation.");
        }
        jdbc.sql("UPDATE appointment SET transport_confirmed_at = COALESCE(transport_confirmed_at, :at) WHERE id = :id")
                .param("at", Appointments.utc(clock.instant())).param("id", a.id()).update();
        audit.recordAs(currentUser.find().map(u -> u.email()).orElse("patient (" + channel + ")"), "",
                new AuditRecord("TRANSPORT_CONFIRMED", AuditRecord.Outcome.SUCCESS, a.patientId(), "Appointment",
                        a.id().toString(), channel));
    }

    private PatientId own() {
        return directory.byAccount(currentUser.get().id().value())
                .orElseThrow(() -> new AccessDeniedException("No patient record is linked to this account."));
    }
}
