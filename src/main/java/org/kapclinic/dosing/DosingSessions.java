// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kapclinic.controlledsubstances.ControlledSubstances;
import org.kapclinic.controlledsubstances.Substance;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.treatmentplans.ProtocolTemplates;
import org.kapclinic.treatmentplans.TreatmentPlans;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a dosing session from a booked dosing appointment (once: a second tablet gets the same session), reading it,
 * and ending it without a dose. The plan's dose text and the protocol's observation minutes are copied at opening.
 */
@Service
@Transactional
public class DosingSessions {

    private final SessionAccess access;
    private final DosingRepository repository;
    private final Appointments appointments;
    private final TreatmentPlans plans;
    private final ProtocolTemplates templates;
    private final Patients patients;
    private final ApplicationEventPublisher events;
    private final Locations locations;
    private final UserAccounts accounts;
    private final PreDoseGate gate;
    private final CheckClock clock;
    private final ControlledSubstances ledger;

    DosingSessions(SessionAccess access, Appointments appointments, TreatmentPlans plans, ProtocolTemplates templates,
            Patients patients, ApplicationEventPublisher events, Locations locations, UserAccounts accounts,
            PreDoseGate gate, DosingSettings settings, ControlledSubstances ledger) {
        this.ledger = ledger;
        this.locations = locations;
        this.accounts = accounts;
        this.gate = gate;
        this.clock = new CheckClock(settings);
        this.access = access;
        this.repository = access.repository;
        this.appointments = appointments;
        this.plans = plans;
        this.templates = templates;
        this.patients = patients;
        this.events = events;
    }

    /** Opens the session for a booked dosing appointment today, or returns the one already open. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public UUID open(UUID appointmentId) {
        var existing = repository.forAppointment(appointmentId);
        if (existing.isPresent()) {
            patients.forCare(existing.get().patientId());
            return existing.get().id();
        }
        var a = appointments.find(appointmentId)
                .orElseThrow(() -> new IllegalArgumentException("appointment: no such appointment."));
        if (a.type() != AppointmentType.DOSING || !a.booked() || a.modality() == null) {
            throw new IllegalStateException("Only a booked dosing appointment opens a dosing session.");
        }
        var today = access.today();
        if (!a.startsAt().atZone(access.calendar().zone()).toLocalDate().equals(today)) {
            throw new IllegalStateException("This appointment is not today; open its session on the day.");
        }
        Integer doseNumber = null;
        String plannedDose = null;
        int observation = templates.durations(a.modality()).observationMinutes();
        if (a.planId() != null) {
            var plan = plans.plans(new PatientId(a.patientId())).stream().filter(p -> p.id().equals(a.planId()))
                    .findFirst();
            if (plan.isPresent()) {
                observation = plan.get().definition().observationMinutes();
                var item = plan.get().items().stream().filter(i -> i.id().equals(a.planItemId())).findFirst();
                doseNumber = item.map(i -> i.doseNumber()).orElse(null);
                plannedDose = item.map(i -> i.dose()).orElse(null);
            }
        }
        var now = access.now();
        var session = new DosingSession(UUID.randomUUID(), new PatientId(a.patientId()), a.id(), a.locationId(),
                a.chairId(), a.modality(), a.planId(), doseNumber, plannedDose, observation, SessionStatus.GATE, now,
                access.user(), null, null, null, null, null, null, 0);
        try {
            repository.insert(session);
        } catch (DuplicateKeyException raced) {
            // another tablet opened it at the same moment; this transaction cannot read it any more (PostgreSQL)
            throw new IllegalStateException("This session was just opened on another tablet: open it again.");
        }
        access.audit("DOSING_SESSION_OPENED", session, "appointment " + a.id());
        return session.id();
    }

    /** The session page: session, gate (while open), checks, devices, alerts and what is due. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public SessionPage page(UUID sessionId) {
        var opened = access.read(sessionId);
        var s = opened.session();
        var now = access.now();
        var checks = repository.checks(s.id());
        var devices = repository.devices(s.id()).stream().map(DosingRepository.Device::givenAt).toList();
        var route = s.dose() == null ? Route.of(s.modality()) : s.dose().route();
        var due = s.status().active() ? clock.next(route, s.doseStartedAt(), s.dose() == null ? null
                : s.dose().endedAt(), checks.stream().filter(c -> c.phase() == Check.Phase.MONITORING)
                        .map(Check::takenAt).toList(), now) : null;
        var place = locations.find(s.locationId());
        var chair = place.flatMap(p -> p.chairs().stream().filter(c -> c.id().equals(s.chairId())).findFirst())
                .map(c -> c.name()).orElse("");
        var nextDevice = s.status() == SessionStatus.DOSING && route == Route.NASAL && !devices.isEmpty()
                ? devices.get(devices.size() - 1).plus(DosingSettings.DEVICE_INTERVAL) : null;
        var dischargeFrom = s.doseStartedAt() == null ? null
                : s.doseStartedAt().plusSeconds(60L * s.minimumObservationMinutes());
        var observers = new java.util.TreeSet<String>();
        accounts.withRole(Role.NURSE).forEach(a -> observers.add(a.displayName()));
        accounts.withRole(Role.PRESCRIBER).forEach(a -> observers.add(a.displayName()));
        var page = new SessionPage(s, opened.patient(), place.map(p -> p.name()).orElse(""), chair,
                s.status() == SessionStatus.GATE ? gate.evaluate(s, opened.patient()) : null, checks, devices,
                repository.alerts(List.of(s.id())), due, nextDevice, dischargeFrom, now, List.copyOf(observers),
                s.status() == SessionStatus.CLEARED ? ledger.onHand(s.locationId()).stream()
                        .filter(l -> (l.substance() == Substance.ESKETAMINE) == s.esketamine()).toList() : List.of(),
                s.status().dosed() ? ledger.forSession(s.id()) : List.of());
        access.audit("DOSING_SESSION_VIEWED", s, "");
        return page;
    }

    @PreAuthorize(SessionAccess.CLINICIANS)
    public DosingSession get(UUID sessionId) {
        var opened = access.read(sessionId);
        access.audit("DOSING_SESSION_VIEWED", opened.session(), "");
        return opened.session();
    }

    /** The patient's sessions, newest first. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public List<DosingSession> forPatient(PatientId patient) {
        patients.forCare(patient);
        var list = repository.forPatient(patient);
        access.auditPatient("DOSING_SESSIONS_LISTED", patient, list.size() + " sessions");
        return list;
    }

    /** Ends a session that gave no dose (held at the gate, declined, unwell), with the reason. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public void endWithoutDose(UUID sessionId, String reason) {
        var s = access.change(sessionId).session();
        if (s.status().dosed() || !s.status().active()) {
            throw new IllegalStateException("This session cannot end without a dose: it is " + s.status().label()
                    .toLowerCase() + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: say why no dose was given.");
        }
        if (reason.strip().length() > 1000) {
            throw new IllegalArgumentException("reason: use at most 1000 characters.");
        }
        var now = access.now();
        repository.update(s, Map.of("status", SessionStatus.NOT_DOSED.name(), "end_kind",
                DosingSession.EndKind.NOT_DOSED.name(), "ended_at", now, "ended_by", access.user(), "end_note",
                reason.strip()));
        access.audit("DOSING_SESSION_NOT_DOSED", s, reason.strip());
        events.publishEvent(new DosingEvents.SessionEnded(s.id(), s.patientId().value(), "NOT_DOSED", now));
    }

    static long minutes(java.time.Instant from, java.time.Instant to) {
        return ChronoUnit.MINUTES.between(from, to);
    }
}
