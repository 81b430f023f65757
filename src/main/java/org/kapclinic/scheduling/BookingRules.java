// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What stops a booking, in words that say what clashes. Pure: the proposal and what is already booked and staffed
 * around it in; the clashes out (empty means it may be booked).
 * <ul>
 * <li>a patient is in one place at a time; a chair, a therapy room and a clinician's one-to-one time hold one patient;</li>
 * <li>every dosing patient counts against nurse monitoring capacity: nurses on shift at the location times
 * {@code chairsPerNurse} (default 1 to 4), at every moment of the chair's reservation;</li>
 * <li>esketamine needs a prescriber's on-site coverage block that spans the whole appointment.</li>
 * </ul>
 */
public final class BookingRules {

    public record Proposal(UUID patientId, AppointmentType type, boolean esketamine, UUID locationId,
            @Nullable UUID chairId, @Nullable UUID roomId, @Nullable UUID clinicianId, Instant start, Instant end) {}

    /**
     * @param booked booked appointments that overlap the proposal's window: the patient's, the location's and the
     *     clinician's
     * @param blocks staff blocks at the location that overlap the window
     * @param ignoring an appointment being rescheduled, which no longer holds its place
     */
    public record Around(List<Appointment> booked, List<StaffBlock> blocks, Map<UUID, String> names, ZoneId zone,
            int chairsPerNurse, @Nullable UUID ignoring) {}

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private BookingRules() {}

    public static List<String> clashes(Proposal p, Around around) {
        var clashes = new ArrayList<String>();
        var others = around.booked().stream()
                .filter(a -> a.booked() && !a.id().equals(around.ignoring()) && a.overlaps(p.start(), p.end())).toList();
        others.stream().filter(a -> a.patientId().equals(p.patientId())).findFirst().ifPresent(a -> clashes.add(
                "The patient already has " + a.label() + " " + range(a.startsAt(), a.endsAt(), around.zone()) + "."));
        if (p.chairId() != null) {
            others.stream().filter(a -> p.chairId().equals(a.chairId())).findFirst().ifPresent(a -> clashes.add(
                    name(around, p.chairId(), "The chair") + " is taken " + range(a.startsAt(), a.endsAt(), around.zone())
                            + "."));
        }
        if (p.roomId() != null) {
            others.stream().filter(a -> p.roomId().equals(a.roomId())).findFirst().ifPresent(a -> clashes.add(
                    name(around, p.roomId(), "The room") + " is booked " + range(a.startsAt(), a.endsAt(), around.zone())
                            + "."));
        }
        if (p.clinicianId() != null) {
            others.stream().filter(a -> p.clinicianId().equals(a.clinicianId())).findFirst().ifPresent(a -> clashes.add(
                    name(around, p.clinicianId(), "The clinician") + " already has an appointment "
                            + range(a.startsAt(), a.endsAt(), around.zone()) + "."));
        }
        if (p.type() == AppointmentType.DOSING) {
            nurseCapacity(p, others, around).ifPresent(clashes::add);
            if (p.esketamine() && around.blocks().stream().noneMatch(b -> b.kind() == StaffBlock.Kind.PRESCRIBER_ON_SITE
                    && b.locationId().equals(p.locationId()) && b.covers(p.start(), p.end()))) {
                clashes.add("No prescriber is on site for the whole appointment " + range(p.start(), p.end(), around.zone())
                        + ": esketamine needs one.");
            }
        }
        return clashes;
    }

    /** The first moment in the window when one more dosing patient would exceed the nurses on shift. */
    static java.util.Optional<String> nurseCapacity(Proposal p, List<Appointment> others, Around around) {
        var dosing = others.stream().filter(a -> a.type() == AppointmentType.DOSING && a.locationId().equals(p.locationId()))
                .toList();
        var shifts = around.blocks().stream().filter(b -> b.kind() == StaffBlock.Kind.NURSE_SHIFT
                && b.locationId().equals(p.locationId())).toList();
        var moments = new TreeSet<Instant>();
        moments.add(p.start());
        dosing.forEach(a -> moments.add(a.startsAt()));
        shifts.forEach(b -> {
            moments.add(b.startsAt());
            moments.add(b.endsAt());
        });
        for (var t : moments) {
            if (t.isBefore(p.start()) || !t.isBefore(p.end())) {
                continue;
            }
            long load = 1 + dosing.stream().filter(a -> !a.startsAt().isAfter(t) && a.endsAt().isAfter(t)).count();
            long nurses = shifts.stream().filter(b -> b.covers(t)).count();
            if (load > nurses * around.chairsPerNurse()) {
                return java.util.Optional.of(nurses == 0
                        ? "No nurse is on shift at " + TIME.format(t.atZone(around.zone())) + " to monitor a dosing patient."
                        : "Nurse capacity: " + load + " dosing patients at " + TIME.format(t.atZone(around.zone()))
                                + " but " + nurses + (nurses == 1 ? " nurse" : " nurses") + " on shift (1 nurse to "
                                + around.chairsPerNurse() + " chairs).");
            }
        }
        return java.util.Optional.empty();
    }

    private static String name(Around around, UUID id, String fallback) {
        return around.names().getOrDefault(id, fallback);
    }

    static String range(Instant from, Instant to, ZoneId zone) {
        var f = from.atZone(zone);
        return f.toLocalDate() + " " + TIME.format(f) + "–" + TIME.format(to.atZone(zone));
    }
}
