// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.treatmentplans.PlanApproved;
import org.kapclinic.treatmentplans.PlanChanged;
import org.kapclinic.treatmentplans.PlannedItem;
import org.kapclinic.treatmentplans.ProtocolTemplates;
import org.kapclinic.treatmentplans.TreatmentPlans;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments: booking under {@link BookingRules}, cancelling and rescheduling (the old row stays, marked), the
 * patient's list, and booking what an approved treatment plan lists. Bookings at a location are serialised by locking
 * the location's row, then the patient's and the clinician's, so two nodes cannot both take the last chair.
 */
@Service
@Transactional
public class Appointments {

    static final String BOOKERS = "hasAnyRole('INTAKE_COORDINATOR', 'THERAPIST', 'NURSE', 'PRESCRIBER')";

    /** What the booking form (or a plan item) asks for. Dosing: {@code time} is when dosing starts. */
    public record NewAppointment(PatientId patient, AppointmentType type, @Nullable Modality modality,
            @Nullable UUID locationId, @Nullable UUID chairId, @Nullable UUID roomId, @Nullable UUID clinicianId,
            @Nullable LocalDate date, @Nullable LocalTime time, @Nullable String label) {}

    /** A plan item that could not be booked, with what clashed. */
    public record Unbooked(UUID planItemId, String label, Instant wantedAt, String reason) {}

    private final JdbcClient jdbc;
    private final Locations locations;
    private final StaffBlocks blocks;
    private final Patients patients;
    private final PatientDirectory directory;
    private final UserAccounts accounts;
    private final TreatmentPlans plans;
    private final ProtocolTemplates templates;
    private final ClinicCalendar calendar;
    private final SchedulingSettings settings;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    Appointments(JdbcClient jdbc, Locations locations, StaffBlocks blocks, Patients patients,
            PatientDirectory directory, UserAccounts accounts, TreatmentPlans plans, ProtocolTemplates templates,
            ClinicCalendar calendar, SchedulingSettings settings, CurrentUser currentUser, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.blocks = blocks;
        this.patients = patients;
        this.directory = directory;
        this.accounts = accounts;
        this.plans = plans;
        this.templates = templates;
        this.calendar = calendar;
        this.settings = settings;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(BOOKERS)
    public Appointment book(NewAppointment request) {
        if (patients.forCare(request.patient()).voided()) {
            throw new IllegalStateException("This record is voided.");
        }
        if (request.type() == null) {
            throw new IllegalArgumentException("type: choose what the appointment is for.");
        }
        if (request.locationId() == null) {
            throw new IllegalArgumentException("location: choose a location.");
        }
        if (request.date() == null || request.time() == null) {
            throw new IllegalArgumentException("date: give the date and time.");
        }
        if (request.type() == AppointmentType.DOSING && request.modality() == null) {
            throw new IllegalArgumentException("modality: choose the treatment given.");
        }
        var start = request.date().atTime(request.time()).atZone(calendar.zone()).toInstant();
        if (start.isBefore(clock.instant())) {
            throw new IllegalArgumentException("date: the appointment is in the past.");
        }
        var label = request.label() == null || request.label().isBlank() ? request.type().label() : request.label().strip();
        var booked = place(request.patient(), request.type(), request.modality(), activePlace(request.locationId()),
                request.chairId(),
                request.roomId(), request.clinicianId(), start, label, null, null, null);
        audit.record(new AuditRecord("APPOINTMENT_BOOKED", AuditRecord.Outcome.SUCCESS, request.patient().value(),
                "Appointment", booked.id().toString(), request.type().name()));
        return booked;
    }

    /**
     * Finds a chair (or room) at the location and books it, or refuses with every clash. With no chair given, the
     * first free one is taken.
     */
    private Appointment place(PatientId patient, AppointmentType type, @Nullable Modality modality, Place place,
            @Nullable UUID chairId, @Nullable UUID roomId, @Nullable UUID clinicianId, Instant at, String label,
            @Nullable UUID planId, @Nullable UUID planItemId, @Nullable Appointment replacing) {
        lock(place.id(), patient, clinicianId);
        Instant start;
        Instant end;
        Instant doseAt = null;
        if (type == AppointmentType.DOSING) {
            var d = templates.durations(modality);
            doseAt = at;
            start = at.minus(Duration.ofMinutes(settings.preDoseMinutes()));
            end = at.plus(Duration.ofMinutes((long) d.dosingMinutes() + d.observationMinutes() + settings.bufferMinutes()));
        } else {
            start = at;
            end = at.plus(Duration.ofMinutes(type == AppointmentType.FOLLOW_UP ? settings.reevaluationMinutes()
                    : settings.therapyMinutes()));
        }
        if (Duration.between(start, end).compareTo(Appointment.LONGEST) > 0) {
            throw new IllegalArgumentException("time: an appointment cannot last longer than 24 hours; check the"
                    + " protocol's dosing and observation minutes.");
        }
        var around = around(place, patient, clinicianId, start, end, replacing == null ? null : replacing.id());
        List<UUID> candidates;
        if (type == AppointmentType.DOSING) {
            candidates = chairId != null ? List.of(chairId) : place.chairs().stream().map(Place.Chair::id).toList();
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("location: " + place.name() + " has no treatment chairs.");
            }
        } else {
            candidates = roomId != null ? List.of(roomId) : place.therapyRooms().stream().map(Place.Room::id).toList();
            if (candidates.isEmpty()) {
                candidates = java.util.Collections.singletonList(null);
            }
        }
        List<String> first = null;
        for (var candidate : candidates) {
            var proposal = new BookingRules.Proposal(patient.value(), type, modality == Modality.ESKETAMINE, place.id(),
                    type == AppointmentType.DOSING ? candidate : null, type == AppointmentType.DOSING ? null : candidate,
                    clinicianId, start, end);
            var clashes = BookingRules.clashes(proposal, around);
            if (clashes.isEmpty()) {
                return insert(patient, type, label, modality, place.id(), proposal.roomId(), proposal.chairId(),
                        clinicianId, start, end, doseAt, planId, planItemId, replacing);
            }
            if (first == null) {
                first = clashes;
            }
        }
        if (candidates.size() > 1 && first != null && first.stream().anyMatch(c -> c.contains(" is taken ")
                || c.contains(" is booked "))) {
            first = new ArrayList<>(first.stream().filter(c -> !c.contains(" is taken ") && !c.contains(" is booked "))
                    .toList());
            first.add(0, "Every " + (type == AppointmentType.DOSING ? "chair" : "therapy room") + " at " + place.name()
                    + " is taken " + BookingRules.range(start, end, calendar.zone()) + ".");
        }
        throw new BookingRefused(first == null ? List.of("That time cannot be booked.") : first);
    }

    private void lock(UUID location, PatientId patient, @Nullable UUID clinician) {
        jdbc.sql("SELECT id FROM clinic_location WHERE id = :id FOR UPDATE").param("id", location).query(UUID.class).list();
        jdbc.sql("SELECT id FROM patient WHERE id = :id FOR UPDATE").param("id", patient.value()).query(UUID.class).list();
        if (clinician != null) {
            jdbc.sql("SELECT id FROM user_account WHERE id = :id FOR UPDATE").param("id", clinician).query(UUID.class)
                    .list();
        }
    }

    private BookingRules.Around around(Place place, PatientId patient, @Nullable UUID clinician, Instant start,
            Instant end, @Nullable UUID ignoring) {
        var booked = jdbc.sql("""
                SELECT * FROM appointment WHERE status = 'BOOKED' AND starts_at < :to AND ends_at > :from
                    AND starts_at > :earliest AND (location_id = :l OR patient_id = :p OR clinician_id = :c)""")
                .param("to", utc(end)).param("from", utc(start)).param("earliest", utc(start.minus(Appointment.LONGEST))).param("l", place.id()).param("p", patient.value())
                .param("c", clinician).query(Appointments::map).list();
        var names = new HashMap<UUID, String>();
        place.rooms().forEach(r -> {
            names.put(r.id(), r.name());
            r.chairs().forEach(c -> names.put(c.id(), c.name()));
        });
        if (clinician != null) {
            names.putAll(accounts.displayNames(List.of(clinician)));
        }
        return new BookingRules.Around(booked, blocks.overlapping(place.id(), start, end), names, calendar.zone(),
                settings.chairsPerNurse(), ignoring);
    }

    private Appointment insert(PatientId patient, AppointmentType type, String label, @Nullable Modality modality,
            UUID location, @Nullable UUID room, @Nullable UUID chair, @Nullable UUID clinician, Instant start,
            Instant end, @Nullable Instant doseAt, @Nullable UUID planId, @Nullable UUID planItemId,
            @Nullable Appointment replacing) {
        var id = UUID.randomUUID();
        var now = now();
        var who = currentUser.find().map(u -> u.email()).orElse("system");
        jdbc.sql("""
                INSERT INTO appointment (id, patient_id, type, label, modality, location_id, room_id, chair_id,
                    clinician_id, starts_at, ends_at, dose_at, plan_id, plan_item_id, status, replaces, change_reason,
                    created_at, created_by, updated_at, updated_by, version)
                VALUES (:id, :p, :t, :label, :m, :l, :r, :c, :cl, :s, :e, :d, :plan, :item, 'BOOKED', :rep, :why,
                    :at, :by, :at, :by, 0)""")
                .param("id", id).param("p", patient.value()).param("t", type.name()).param("label", label)
                .param("m", modality == null ? null : modality.name()).param("l", location).param("r", room)
                .param("c", chair).param("cl", clinician).param("s", utc(start)).param("e", utc(end))
                .param("d", doseAt == null ? null : utc(doseAt)).param("plan", planId).param("item", planItemId)
                .param("rep", replacing == null ? null : replacing.id()).param("why", null).param("at", utc(now))
                .param("by", who).update();
        return get(id);
    }

    /** Cancels a booked appointment with a reason; the row stays, marked cancelled. */
    @PreAuthorize(BOOKERS)
    public void cancel(UUID id, String reason) {
        var a = get(id);
        patients.forCare(new PatientId(a.patientId()));
        var why = reason(reason);
        if (!a.booked()) {
            throw new IllegalArgumentException("reason: this appointment is no longer booked.");
        }
        jdbc.sql("UPDATE appointment SET status = 'CANCELLED', change_reason = :r, updated_at = :at, updated_by = :by,"
                        + " version = version + 1 WHERE id = :id AND status = 'BOOKED'")
                .param("r", why).param("at", utc(now())).param("by", currentUser.name()).param("id", id).update();
        audit.record(new AuditRecord("APPOINTMENT_CANCELLED", AuditRecord.Outcome.SUCCESS, a.patientId(), "Appointment",
                id.toString(), why));
    }

    /** Moves a booked appointment: a new booking that names the old one, which is kept and marked rescheduled. */
    @PreAuthorize(BOOKERS)
    public Appointment reschedule(UUID id, @Nullable LocalDate date, @Nullable LocalTime time, String reason) {
        var a = get(id);
        var patient = new PatientId(a.patientId());
        patients.forCare(patient);
        var why = reason(reason);
        if (!a.booked()) {
            throw new IllegalArgumentException("reason: this appointment is no longer booked.");
        }
        if (date == null || time == null) {
            throw new IllegalArgumentException("date: give the new date and time.");
        }
        var at = date.atTime(time).atZone(calendar.zone()).toInstant();
        if (at.isBefore(clock.instant())) {
            throw new IllegalArgumentException("date: the new time is in the past.");
        }
        Appointment moved;
        try {
            moved = place(patient, a.type(), a.modality(), activePlace(a.locationId()), a.chairId(), a.roomId(),
                    a.clinicianId(), at,
                    a.label(), a.planId(), a.planItemId(), a);
        } catch (BookingRefused sameChair) {
            if (a.chairId() == null && a.roomId() == null) {
                throw sameChair;
            }
            moved = place(patient, a.type(), a.modality(), activePlace(a.locationId()), null, null, a.clinicianId(), at,
                    a.label(),
                    a.planId(), a.planItemId(), a);
        }
        jdbc.sql("UPDATE appointment SET status = 'RESCHEDULED', change_reason = :r, updated_at = :at, updated_by = :by,"
                        + " version = version + 1 WHERE id = :id")
                .param("r", why).param("at", utc(now())).param("by", currentUser.name()).param("id", id).update();
        audit.record(new AuditRecord("APPOINTMENT_RESCHEDULED", AuditRecord.Outcome.SUCCESS, a.patientId(),
                "Appointment", moved.id().toString(), "from " + id + ": " + why));
        return moved;
    }

    /** The patient's appointments, newest first, every status. The read is audited. */
    @PreAuthorize(BOOKERS)
    @Transactional // not read-only: the read is audited
    public List<Appointment> forPatient(PatientId patient) {
        patients.forCare(patient);
        audit.record(AuditRecord.patient("APPOINTMENTS_VIEWED", patient.value()));
        return jdbc.sql("SELECT * FROM appointment WHERE patient_id = :p ORDER BY starts_at DESC")
                .param("p", patient.value()).query(Appointments::map).list();
    }

    /** One appointment, checking the caller may see its patient. The caller audits what it does with it. */
    @PreAuthorize(BOOKERS)
    @Transactional(readOnly = true)
    public java.util.Optional<Appointment> find(UUID id) {
        var found = jdbc.sql("SELECT * FROM appointment WHERE id = :id").param("id", id).query(Appointments::map)
                .optional();
        found.ifPresent(a -> patients.forCare(new PatientId(a.patientId())));
        return found;
    }

    /** The dosing appointments booked at a location on a day, by start (the monitoring board; it audits). */
    @PreAuthorize(BOOKERS)
    @Transactional(readOnly = true)
    public List<Appointment> dosingBooked(UUID location, LocalDate day) {
        var zone = calendar.zone();
        return jdbc.sql("SELECT * FROM appointment WHERE location_id = :l AND type = 'DOSING' AND status = 'BOOKED'"
                        + " AND starts_at >= :from AND starts_at < :to ORDER BY starts_at")
                .param("l", location).param("from", utc(day.atStartOfDay(zone).toInstant()))
                .param("to", utc(day.plusDays(1).atStartOfDay(zone).toInstant())).query(Appointments::map).list();
    }

    /** Every patient's future plan sessions still to book (the day view lists them by name, so the read is audited). */
    public record UnbookedRow(UUID patientId, String patient, Unbooked item) {}

    @PreAuthorize(BOOKERS)
    @Transactional // not read-only: the read is audited
    public List<UnbookedRow> unbookedEverywhere() {
        var rows = jdbc.sql("SELECT * FROM unbooked_plan_item WHERE resolved_at IS NULL AND wanted_at > :now"
                        + " ORDER BY wanted_at LIMIT 100")
                .param("now", utc(clock.instant()))
                .query((rs, n) -> new Object[] {rs.getObject("patient_id", UUID.class), new Unbooked(
                        rs.getObject("plan_item_id", UUID.class), rs.getString("label"),
                        rs.getObject("wanted_at", OffsetDateTime.class).toInstant(), rs.getString("reason"))})
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        var labels = directory.labels(rows.stream().map(r -> (UUID) r[0]).distinct().toList());
        audit.record(AuditRecord.success("UNBOOKED_SESSIONS_VIEWED").withDetails(rows.size() + " sessions"));
        return rows.stream().map(r -> new UnbookedRow((UUID) r[0], labels.containsKey((UUID) r[0])
                ? labels.get((UUID) r[0]).name() : "(record)", (Unbooked) r[1])).toList();
    }

    /** Plan items that could not be booked, and why. */
    @PreAuthorize(BOOKERS)
    @Transactional(readOnly = true)
    public List<Unbooked> unbooked(PatientId patient) {
        return jdbc.sql("SELECT * FROM unbooked_plan_item WHERE patient_id = :p AND resolved_at IS NULL ORDER BY wanted_at")
                .param("p", patient.value())
                .query((rs, n) -> new Unbooked(rs.getObject("plan_item_id", UUID.class), rs.getString("label"),
                        rs.getObject("wanted_at", OffsetDateTime.class).toInstant(), rs.getString("reason")))
                .list();
    }

    /**
     * Books every session of an approved plan in the approval's transaction: dosing in the first free chair of the
     * first location that can take it, preparation and integration with the patient's therapist, re-evaluations with
     * the prescriber. What cannot be booked is listed with its clashes for a coordinator to place by hand.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void bookPlan(PlanApproved approved) {
        var plan = plans.approvedPlan(approved.plan()).orElseThrow();
        var team = directory.careTeam(approved.patient()).orElse(new PatientDirectory.CareTeam(null, null));
        var places = locations.active();
        for (var item : plan.liveItems()) {
            bookItem(approved.patient(), plan, item, team, places);
        }
        audit.record(new AuditRecord("PLAN_BOOKED", AuditRecord.Outcome.SUCCESS, approved.patient().value(),
                "TreatmentPlan", plan.id().toString(), null));
    }

    /**
     * Follows a change to an approved plan: a cancelled session's appointment is cancelled, a moved one rescheduled
     * (or listed as unbooked with its clashes), an added one booked, and when the plan ends its future appointments are
     * cancelled. Same transaction as the change.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void followPlan(PlanChanged changed) {
        var reason = "Plan changed: " + changed.reason();
        switch (changed.change()) {
            case CANCELLED -> {
                forItem(changed.oldItem()).ifPresent(a -> markChanged(a.id(), Appointment.Status.CANCELLED, reason));
                resolveUnbooked(changed.oldItem());
            }
            case MOVED -> {
                var plan = plans.approvedPlan(changed.plan()).orElseThrow();
                var item = plan.liveItems().stream().filter(i -> i.id().equals(changed.newItem())).findFirst().orElseThrow();
                var old = forItem(changed.oldItem());
                resolveUnbooked(changed.oldItem());
                if (old.isPresent()) {
                    var a = old.get();
                    try {
                        place(changed.patient(), a.type(), a.modality(), activePlace(a.locationId()), null, null,
                                a.clinicianId(),
                                item.at(), a.label(), a.planId(), item.id(), a);
                        markChanged(a.id(), Appointment.Status.RESCHEDULED, reason);
                        return;
                    } catch (IllegalArgumentException refused) {
                        markChanged(a.id(), Appointment.Status.CANCELLED, reason);
                    }
                }
                bookItem(changed.patient(), plan, item);
            }
            case ADDED -> {
                var plan = plans.approvedPlan(changed.plan()).orElseThrow();
                plan.liveItems().stream().filter(i -> i.id().equals(changed.newItem())).findFirst()
                        .ifPresent(item -> bookItem(changed.patient(), plan, item));
            }
            case ENDED -> {
                jdbc.sql("SELECT * FROM appointment WHERE plan_id = :p AND status = 'BOOKED' AND starts_at > :now")
                        .param("p", changed.plan()).param("now", utc(clock.instant())).query(Appointments::map).list()
                        .forEach(a -> markChanged(a.id(), Appointment.Status.CANCELLED, reason));
                jdbc.sql("UPDATE unbooked_plan_item SET resolved_at = :at WHERE plan_id = :p AND resolved_at IS NULL")
                        .param("at", utc(now())).param("p", changed.plan()).update();
            }
        }
    }

    private java.util.Optional<Appointment> forItem(@Nullable UUID item) {
        return jdbc.sql("SELECT * FROM appointment WHERE plan_item_id = :i AND status = 'BOOKED'").param("i", item)
                .query(Appointments::map).optional();
    }

    private void resolveUnbooked(@Nullable UUID item) {
        jdbc.sql("UPDATE unbooked_plan_item SET resolved_at = :at WHERE plan_item_id = :i AND resolved_at IS NULL")
                .param("at", utc(now())).param("i", item).update();
    }

    private void markChanged(UUID appointment, Appointment.Status status, String reason) {
        var who = currentUser.find().map(u -> u.email()).orElse("system");
        jdbc.sql("UPDATE appointment SET status = :s, change_reason = :r, updated_at = :at, updated_by = :by,"
                        + " version = version + 1 WHERE id = :id AND status = 'BOOKED'")
                .param("s", status.name()).param("r", reason.length() > 500 ? reason.substring(0, 497) + "..." : reason)
                .param("at", utc(now())).param("by", who).param("id", appointment).update();
    }

    /**
     * Books one plan session: dosing in the first free chair of the first location (by name) that passes every rule,
     * preparation and integration with the care-team therapist, re-evaluations with the care-team prescriber. What
     * cannot be booked is listed with its clashes for a coordinator to place by hand.
     */
    private void bookItem(PatientId patient, org.kapclinic.treatmentplans.TreatmentPlan plan,
            org.kapclinic.treatmentplans.TreatmentPlan.Item item) {
        bookItem(patient, plan, item, directory.careTeam(patient).orElse(new PatientDirectory.CareTeam(null, null)),
                locations.active());
    }

    private void bookItem(PatientId patient, org.kapclinic.treatmentplans.TreatmentPlan plan,
            org.kapclinic.treatmentplans.TreatmentPlan.Item item, PatientDirectory.CareTeam team, List<Place> places) {
        AppointmentType type = switch (item.kind()) {
            case DOSING -> AppointmentType.DOSING;
            case PREPARATION -> AppointmentType.PREPARATION;
            case INTEGRATION -> AppointmentType.INTEGRATION;
            case REEVALUATION -> AppointmentType.FOLLOW_UP;
            case ASSESSMENT -> null;
        };
        if (type == null || item.at().isBefore(clock.instant())) {
            return;
        }
        var clinician = switch (type) {
            case PREPARATION, INTEGRATION -> team.therapistId();
            case FOLLOW_UP -> team.prescriberId();
            default -> null;
        };
        var label = item.kind() == PlannedItem.Kind.REEVALUATION ? "Re-evaluation" : item.label();
        var reasons = new LinkedHashMap<String, List<String>>();
        for (var place : places) {
            // place() checks every rule before it writes, so a refusal leaves nothing behind
            try {
                place(patient, type, plan.modality(), place, null, null, clinician, item.at(), label, plan.id(),
                        item.id(), null);
                return;
            } catch (BookingRefused refused) {
                reasons.put(place.name(), refused.clashes());
            } catch (IllegalArgumentException noChairs) {
                reasons.put(place.name(), List.of(noChairs.getMessage().replaceFirst("^[a-z]+: ", "")));
            }
        }
        var why = places.isEmpty() ? "No clinic location is set up."
                : String.join(" ", reasons.entrySet().stream().map(e -> e.getKey() + ": " + String.join(" ", e.getValue()))
                        .toList());
        jdbc.sql("""
                INSERT INTO unbooked_plan_item (plan_item_id, plan_id, patient_id, label, wanted_at, reason, recorded_at)
                VALUES (:i, :plan, :p, :l, :w, :r, :at)""")
                .param("i", item.id()).param("plan", plan.id()).param("p", patient.value()).param("l", label)
                .param("w", utc(item.at())).param("r", why.length() > 1000 ? why.substring(0, 997) + "..." : why)
                .param("at", utc(now())).update();
    }

    /** An active location by id, or a refusal on the "location" field. */
    private Place activePlace(@Nullable UUID id) {
        return locations.active().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("location: choose an open location."));
    }

    Appointment get(UUID id) {
        return jdbc.sql("SELECT * FROM appointment WHERE id = :id").param("id", id).query(Appointments::map).optional()
                .orElseThrow(() -> new IllegalArgumentException("reason: no such appointment."));
    }

    private static String reason(@Nullable String reason) {
        var r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 500) {
            throw new IllegalArgumentException("reason: say why (at most 500 characters).");
        }
        return r;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    static Appointment map(ResultSet rs, int n) throws SQLException {
        var modality = rs.getString("modality");
        return new Appointment(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                AppointmentType.valueOf(rs.getString("type")), rs.getString("label"),
                modality == null ? null : Modality.valueOf(modality), rs.getObject("location_id", UUID.class),
                rs.getObject("room_id", UUID.class), rs.getObject("chair_id", UUID.class),
                rs.getObject("clinician_id", UUID.class), instant(rs, "starts_at"), instant(rs, "ends_at"),
                instant(rs, "dose_at"), rs.getObject("plan_id", UUID.class), rs.getObject("plan_item_id", UUID.class),
                Appointment.Status.valueOf(rs.getString("status")), rs.getObject("replaces", UUID.class),
                rs.getString("change_reason"), instant(rs, "transport_confirmed_at"), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "updated_at"), rs.getString("updated_by"), rs.getLong("version"));
    }
}
