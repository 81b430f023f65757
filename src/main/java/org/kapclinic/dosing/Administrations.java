// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.controlledsubstances.ControlledSubstances;
import org.kapclinic.controlledsubstances.LotOnHand;
import org.kapclinic.controlledsubstances.Substance;
import org.kapclinic.controlledsubstances.WitnessSignature;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administration record: the dose checked against the plan and the protocol's limits (a dose outside needs a
 * prescriber's order with a reason), lot and expiry, who gave it and who observed it, then each esketamine device
 * timed with the label's 5-minute rest, or the infusion's start and end, or the time a fixed dose was given.
 */
@Service
@Transactional
public class Administrations {

    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SessionAccess access;
    private final DosingRepository repository;
    private final DosingSettings settings;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final ControlledSubstances ledger;

    Administrations(SessionAccess access, DosingSettings settings, CurrentUser currentUser,
            ApplicationEventPublisher events, ControlledSubstances ledger) {
        this.ledger = ledger;
        this.access = access;
        this.repository = access.repository;
        this.settings = settings;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** Records what will be given. Allowed once the gate has passed and until the dose starts. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public DosingSession prepare(UUID sessionId, AdministrationForm f) {
        var s = access.change(sessionId).session();
        if (s.status() != SessionStatus.CLEARED) {
            throw new IllegalStateException(s.status() == SessionStatus.GATE
                    ? "Pass the pre-dose gate before recording the dose."
                    : "The dose has started; the record can no longer be changed here.");
        }
        if (!f.route().fits(s.modality())) {
            throw new IllegalArgumentException("route: this session is booked for " + s.modality().label() + ".");
        }
        BigDecimal mg;
        BigDecimal perKg = null;
        Integer devices = null;
        Integer minutes = null;
        BigDecimal rate = null;
        if (f.route() == Route.NASAL) {
            mg = required(f.mg(), "mg", "choose 56 or 84 mg (28 mg devices).");
            devices = DoseMath.devices(mg);
            mg = DoseMath.mgForDevices(devices);
        } else if (f.route().weightBased()) {
            perKg = required(f.mgPerKg(), "mgPerKg", "enter the dose in mg/kg.");
            if (s.weightKg() == null) {
                throw new IllegalArgumentException("mgPerKg: today's weight is missing; record it at the gate.");
            }
            mg = DoseMath.weightBased(perKg, s.weightKg());
            if (f.route() == Route.IV) {
                minutes = f.infusionMinutes() == null ? settings.defaultInfusionMinutes() : f.infusionMinutes();
                rate = DoseMath.ratePerHour(mg, minutes);
            }
        } else {
            mg = required(f.mg(), "mg", "enter the dose in mg.");
            if (mg.signum() <= 0 || mg.scale() > 2) {
                throw new IllegalArgumentException("mg: enter a dose above 0 mg, to 0.01 mg at most.");
            }
        }
        var outside = DoseMath.outsidePlan(f.route(), mg, perKg, s.plannedDose(), settings);
        var orderColumns = new HashMap<String, @Nullable Object>();
        if (!outside.isEmpty() && !ordered(s.order(), mg, perKg)) {
            if (f.orderReason() == null || f.orderReason().isBlank()) {
                throw new IllegalArgumentException((perKg == null ? "mg" : "mgPerKg") + ": " + String.join(" ", outside)
                        + " A prescriber must order this dose with a reason.");
            }
            if (!currentUser.get().hasRole(Role.PRESCRIBER)) {
                throw new IllegalArgumentException("orderReason: only a prescriber can order a dose outside the plan.");
            }
            if (f.orderReason().strip().length() > 1000) {
                throw new IllegalArgumentException("orderReason: use at most 1000 characters.");
            }
            orderColumns.put("order_mg", perKg == null ? mg : null);
            orderColumns.put("order_mg_per_kg", perKg);
            orderColumns.put("order_reason", f.orderReason().strip());
            orderColumns.put("ordered_by", access.user());
            orderColumns.put("ordered_at", access.now());
        }
        var lot = lotFor(s, f.route(), f.lotId());
        var observer = text(f.observedBy(), "observedBy", "name who observes the administration.", 254);
        var administrator = f.route() == Route.NASAL ? "Patient (self-administered under direct observation)"
                : text(f.administeredBy() == null || f.administeredBy().isBlank() ? access.user() : f.administeredBy(),
                        "administeredBy", "name who gives the dose.", 254);
        var columns = new HashMap<String, @Nullable Object>(orderColumns);
        columns.put("drug", f.route() == Route.NASAL ? "ESKETAMINE" : "KETAMINE");
        columns.put("route", f.route().name());
        columns.put("dose_mg", mg);
        columns.put("mg_per_kg", perKg);
        columns.put("planned_devices", devices);
        columns.put("infusion_minutes", minutes);
        columns.put("rate_mg_per_hour", rate);
        columns.put("lot_id", lot.lotId());
        columns.put("lot_number", lot.lotNumber());
        columns.put("lot_expiry", lot.expiry());
        columns.put("administered_by", administrator);
        columns.put("observed_by", observer);
        repository.update(s, columns);
        access.audit("DOSE_PREPARED", s, f.route() + " " + DoseMath.plain(mg) + " mg lot " + lot.lotNumber()
                + (orderColumns.isEmpty() ? "" : " (prescriber order: " + String.join(" ", outside) + ")"));
        return repository.find(s.id()).orElseThrow();
    }

    /** Gives the next esketamine device, at least 5 minutes after the previous one. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public int giveDevice(UUID sessionId) {
        var s = access.change(sessionId).session();
        var dose = s.dose();
        if (dose == null || dose.route() != Route.NASAL || dose.plannedDevices() == null) {
            throw new IllegalStateException("Record the esketamine dose before giving a device.");
        }
        var given = repository.devices(s.id());
        int next = given.size() + 1;
        if (next > dose.plannedDevices()) {
            throw new IllegalStateException("All " + dose.plannedDevices() + " devices have been given.");
        }
        if (s.status() != SessionStatus.CLEARED && s.status() != SessionStatus.DOSING) {
            throw new IllegalStateException("Devices are given between the gate and the end of dosing.");
        }
        var now = access.now();
        if (!given.isEmpty()) {
            var earliest = given.get(given.size() - 1).givenAt().plus(DosingSettings.DEVICE_INTERVAL);
            if (now.isBefore(earliest)) {
                throw new IllegalStateException("Wait 5 minutes between devices (label): device " + next + " at "
                        + HH_MM_SS.format(earliest.atZone(access.calendar().zone())) + ".");
            }
        }
        var draw = ledger.drawForSession(s.id(), s.patientId(), s.locationId(), dose.lotId(), BigDecimal.ONE,
                "Esketamine device " + next + " of " + dose.plannedDevices());
        repository.insertDevice(s.id(), next, now, access.user(), draw);
        var columns = new HashMap<String, @Nullable Object>();
        if (next == 1) {
            columns.put("dose_started_at", now);
            columns.put("status", SessionStatus.DOSING.name());
        }
        if (next == dose.plannedDevices()) {
            columns.put("dose_ended_at", now);
            columns.put("status", SessionStatus.OBSERVING.name());
        }
        repository.update(s, columns);
        access.audit("ESKETAMINE_DEVICE_GIVEN", s, "device " + next + " of " + dose.plannedDevices() + " lot "
                + dose.lotNumber());
        if (next == 1) {
            published(s, dose.mg(), now);
        }
        return next;
    }

    /** Stops esketamine dosing before all devices (the patient cannot go on): the dose is what was given. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public void stopDevices(UUID sessionId, String reason) {
        var s = access.change(sessionId).session();
        if (s.status() != SessionStatus.DOSING || s.dose() == null || s.dose().route() != Route.NASAL) {
            throw new IllegalStateException("Only esketamine dosing under way can stop early.");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: say why dosing stopped.");
        }
        if (reason.strip().length() > 1000) {
            throw new IllegalArgumentException("reason: use at most 1000 characters.");
        }
        int given = repository.devices(s.id()).size();
        var now = access.now();
        repository.update(s, Map.of("dose_mg", DoseMath.mgForDevices(given), "dose_ended_at", now, "status",
                SessionStatus.OBSERVING.name()));
        repository.insertCheck(new Check(UUID.randomUUID(), s.id(), Check.Phase.MONITORING, now,
                new Vitals(null, null, null, null, null), null, null, Map.of(), List.of(), List.of(),
                "Dosing stopped after " + given + " of " + s.dose().plannedDevices() + " devices: " + reason.strip(),
                now, access.user()));
        access.audit("ESKETAMINE_DOSING_STOPPED", s, given + " devices: " + reason.strip());
    }

    /** Starts the infusion (IV), or records the dose as given now (IM, sublingual, oral). */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public void start(UUID sessionId) {
        var s = access.change(sessionId).session();
        var dose = s.dose();
        if (s.status() != SessionStatus.CLEARED || dose == null || dose.route() == Route.NASAL) {
            throw new IllegalStateException(dose == null ? "Record the dose first." : "The dose cannot start now.");
        }
        var now = access.now();
        var columns = new HashMap<String, @Nullable Object>();
        columns.put("dose_started_at", now);
        if (dose.route() == Route.IV) {
            columns.put("status", SessionStatus.DOSING.name());
        } else {
            columns.put("dose_ended_at", now);
            columns.put("status", SessionStatus.OBSERVING.name());
        }
        var lot = ledger.onHand(s.locationId()).stream().filter(l -> l.lotId().equals(dose.lotId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lotId: lot " + dose.lotNumber()
                        + " is no longer on hand here; record the dose again with another lot."));
        ledger.drawForSession(s.id(), s.patientId(), s.locationId(), lot.lotId(),
                DoseMath.units(dose.mg(), lot.mgPerUnit()), DoseMath.plain(dose.mg()) + " mg " + dose.route().label());
        repository.update(s, columns);
        access.audit(dose.route() == Route.IV ? "INFUSION_STARTED" : "DOSE_GIVEN", s, dose.route() + " "
                + DoseMath.plain(dose.mg()) + " mg lot " + dose.lotNumber());
        published(s, dose.mg(), now);
    }

    /** Ends the infusion. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public void endInfusion(UUID sessionId) {
        var s = access.change(sessionId).session();
        if (s.status() != SessionStatus.DOSING || s.dose() == null || s.dose().route() != Route.IV) {
            throw new IllegalStateException("No infusion is running in this session.");
        }
        var now = access.now();
        repository.update(s, Map.of("dose_ended_at", now, "status", SessionStatus.OBSERVING.name()));
        access.audit("INFUSION_ENDED", s, DosingSessions.minutes(s.dose().startedAt(), now) + " minutes");
    }

    /**
     * Records the witnessed waste of what was left of this session's lot (the rest of a vial, an unused device), in the
     * Schedule III ledger, linked to the session. The witness signed with their own credentials first
     * ({@link ControlledSubstances#verifyWitness}); they can never be the person recording.
     */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public void wasteRemainder(UUID sessionId, @Nullable BigDecimal quantity, @Nullable String reason,
            WitnessSignature witness) {
        var s = access.change(sessionId).session();
        if (s.dose() == null || s.dose().lotId() == null || !s.status().dosed()) {
            throw new IllegalStateException("Waste is recorded after the dose has been drawn.");
        }
        if (quantity == null) {
            throw new IllegalArgumentException("wasteQuantity: give the quantity wasted.");
        }
        ledger.wasteForSession(s.id(), s.patientId(), s.locationId(), s.dose().lotId(), quantity,
                reason == null ? "" : reason, witness);
        access.audit("DOSE_REMAINDER_WASTED", s, DoseMath.plain(quantity) + " of lot " + s.dose().lotNumber()
                + ", witnessed by " + witness.name());
    }

    /** The devices given so far, for the page's timer. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public List<Instant> devicesGiven(UUID sessionId) {
        access.read(sessionId);
        return repository.devices(sessionId).stream().map(DosingRepository.Device::givenAt).toList();
    }

    private void published(DosingSession s, BigDecimal mg, Instant at) {
        int number = (int) repository.forPatient(s.patientId()).stream().filter(x -> x.status().dosed()
                || x.id().equals(s.id())).count();
        events.publishEvent(new DosingEvents.DoseAdministered(s.id(), s.patientId().value(), s.modality().name(), mg,
                at, number));
    }

    /** The lot the dose is drawn from: on hand at this location in the ledger, of the route's substance, not expired. */
    private LotOnHand lotFor(DosingSession s, Route route, @Nullable UUID lotId) {
        var substance = route == Route.NASAL ? Substance.ESKETAMINE : Substance.KETAMINE;
        var lots = ledger.onHand(s.locationId()).stream().filter(l -> l.substance() == substance).toList();
        if (lots.isEmpty()) {
            throw new IllegalArgumentException("lotId: no " + substance.label().toLowerCase() + " is on hand at this"
                    + " location in the controlled-substance ledger; receive stock first.");
        }
        if (lotId == null) {
            throw new IllegalArgumentException("lotId: choose the lot you are drawing from.");
        }
        return lots.stream().filter(l -> l.lotId().equals(lotId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lotId: that lot is not on hand here (or has expired)."));
    }

    /** The lots a dose for this session may be drawn from, soonest expiry first. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public List<LotOnHand> lots(UUID sessionId) {
        var s = access.read(sessionId).session();
        var substance = s.esketamine() ? Substance.ESKETAMINE : Substance.KETAMINE;
        return ledger.onHand(s.locationId()).stream().filter(l -> l.substance() == substance).toList();
    }

    private static boolean ordered(DosingSession.@Nullable Order order, BigDecimal mg, @Nullable BigDecimal perKg) {
        if (order == null) {
            return false;
        }
        return perKg != null ? order.mgPerKg() != null && order.mgPerKg().compareTo(perKg) == 0
                : order.mg() != null && order.mg().compareTo(mg) == 0;
    }

    private static <T> T required(@Nullable T value, String field, String message) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": " + message);
        }
        return value;
    }

    private static String text(@Nullable String value, String field, String message, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": " + message);
        }
        if (value.strip().length() > max) {
            throw new IllegalArgumentException(field + ": use at most " + max + " characters.");
        }
        return value.strip();
    }

    static String time(Instant at, ZoneId zone) {
        return HH_MM_SS.format(at.atZone(zone));
    }
}
