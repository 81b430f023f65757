// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.scheduling.Place;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live board of a location: every chair in session with time since the dose, the next check due (overdue
 * highlighted), the last readings and flags, open urgent alerts, and today's dosing appointments not yet opened.
 * One query per table, whatever the number of chairs; each patient shown is audited.
 */
@Service
@Transactional // not read-only: the read is audited
public class MonitoringBoard {

    public record Card(DosingSession session, String patient, String mrn, String chair, CheckClock.@Nullable Due due,
            long minutesSinceDose, @Nullable Check last, List<UrgentAlert> openAlerts, int devicesGiven,
            @Nullable Instant nextDeviceAt, @Nullable Instant dischargeFrom) {

        public boolean urgent() {
            return !openAlerts.isEmpty();
        }
    }

    public record Waiting(Appointment appointment, String patient, String mrn, String chair) {}

    public record Board(Place location, Instant now, List<Card> cards, List<Waiting> waiting, List<Card> ended) {

        public long urgentCount() {
            return cards.stream().filter(Card::urgent).count();
        }

        public long overdueCount() {
            return cards.stream().filter(c -> c.due() != null && c.due().overdue()).count();
        }
    }

    private final SessionAccess access;
    private final DosingRepository repository;
    private final Appointments appointments;
    private final Locations locations;
    private final PatientDirectory directory;
    private final CheckClock clock;

    MonitoringBoard(SessionAccess access, Appointments appointments, Locations locations, PatientDirectory directory,
            DosingSettings settings) {
        this.access = access;
        this.repository = access.repository;
        this.appointments = appointments;
        this.locations = locations;
        this.directory = directory;
        this.clock = new CheckClock(settings);
    }

    @PreAuthorize(SessionAccess.CLINICIANS)
    public Board board(UUID locationId) {
        var place = locations.find(locationId)
                .orElseThrow(() -> new IllegalArgumentException("location: no such location."));
        var now = access.now();
        var today = access.today();
        var zone = access.calendar().zone();
        var sessions = repository.atLocation(locationId,
                DosingRepository.utc(today.atStartOfDay(zone).toInstant()));
        var booked = appointments.dosingBooked(locationId, today);
        var opened = sessions.stream().map(DosingSession::appointmentId).collect(Collectors.toSet());
        var ids = sessions.stream().map(DosingSession::id).toList();
        var checks = repository.checks(ids);
        var alerts = repository.alerts(ids).stream().filter(UrgentAlert::open)
                .collect(Collectors.groupingBy(UrgentAlert::sessionId));
        var patientIds = new ArrayList<UUID>();
        sessions.forEach(s -> patientIds.add(s.patientId().value()));
        booked.stream().filter(a -> !opened.contains(a.id())).forEach(a -> patientIds.add(a.patientId()));
        var labels = directory.labels(patientIds);
        var chairs = new HashMap<UUID, String>();
        place.chairs().forEach(c -> chairs.put(c.id(), c.name()));
        var devices = devicesOf(sessions);
        var cards = new ArrayList<Card>();
        var ended = new ArrayList<Card>();
        for (var s : sessions) {
            var label = labels.get(s.patientId().value());
            var list = checks.getOrDefault(s.id(), List.of());
            var post = list.stream().filter(c -> c.phase() == Check.Phase.MONITORING).toList();
            var last = list.isEmpty() ? null : list.get(list.size() - 1);
            var route = s.dose() == null ? Route.of(s.modality()) : s.dose().route();
            var due = s.status().active() ? clock.next(route, s.doseStartedAt(),
                    s.dose() == null ? null : s.dose().endedAt(), post.stream().map(Check::takenAt).toList(), now)
                    : null;
            var given = devices.getOrDefault(s.id(), List.of());
            Instant nextDevice = s.status() == SessionStatus.DOSING && route == Route.NASAL && !given.isEmpty()
                    ? given.get(given.size() - 1).plus(DosingSettings.DEVICE_INTERVAL) : null;
            var dischargeFrom = s.doseStartedAt() == null ? null
                    : s.doseStartedAt().plus(Duration.ofMinutes(s.minimumObservationMinutes()));
            var card = new Card(s, label == null ? "Patient" : label.name(), label == null ? "" : label.mrn(),
                    s.chairId() == null ? "" : chairs.getOrDefault(s.chairId(), ""), due, s.minutesSinceDose(now), last,
                    alerts.getOrDefault(s.id(), List.of()), given.size(), nextDevice, dischargeFrom);
            (s.status().active() ? cards : ended).add(card);
            access.audit("DOSING_BOARD_VIEWED", s, place.name());
        }
        var waiting = booked.stream().filter(a -> !opened.contains(a.id())).map(a -> {
            var label = labels.get(a.patientId());
            access.auditPatient("DOSING_BOARD_VIEWED", new org.kapclinic.patients.PatientId(a.patientId()),
                    place.name() + ": booked");
            return new Waiting(a, label == null ? "Patient" : label.name(), label == null ? "" : label.mrn(),
                    a.chairId() == null ? "" : chairs.getOrDefault(a.chairId(), ""));
        }).toList();
        return new Board(place, now, List.copyOf(cards), waiting, List.copyOf(ended));
    }

    /** Device times of the esketamine sessions still dosing, in one query. */
    private Map<UUID, List<Instant>> devicesOf(List<DosingSession> sessions) {
        var dosing = sessions.stream().filter(s -> s.status() == SessionStatus.DOSING && s.esketamine())
                .map(DosingSession::id).toList();
        return repository.deviceTimes(dosing);
    }
}
