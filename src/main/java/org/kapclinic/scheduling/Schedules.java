// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.security.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The day view per location and the week view per clinician. Both name patients, so both reads are audited. */
@Service
@Transactional
public class Schedules {

    public record WeekView(UUID clinicianId, String clinician, LocalDate monday, Map<LocalDate, List<DayView.Entry>> days) {}

    private final JdbcClient jdbc;
    private final Locations locations;
    private final StaffBlocks blocks;
    private final PatientDirectory directory;
    private final UserAccounts accounts;
    private final ClinicCalendar calendar;
    private final SchedulingSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.kapclinic.patients.Patients patients;
    private final org.kapclinic.security.CurrentUser currentUser;
    private final NurseShiftAssignments nurses;

    Schedules(JdbcClient jdbc, Locations locations, StaffBlocks blocks, PatientDirectory directory,
            UserAccounts accounts, ClinicCalendar calendar, SchedulingSettings settings, AuditTrail audit, Clock clock,
            org.kapclinic.patients.Patients patients, org.kapclinic.security.CurrentUser currentUser,
            NurseShiftAssignments nurses) {
        this.patients = patients;
        this.currentUser = currentUser;
        this.nurses = nurses;
        this.jdbc = jdbc;
        this.locations = locations;
        this.blocks = blocks;
        this.directory = directory;
        this.accounts = accounts;
        this.calendar = calendar;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(Appointments.BOOKERS)
    @Transactional // not read-only: the read is audited
    public DayView day(UUID location, LocalDate date) {
        var place = locations.find(location).orElseThrow(() -> new IllegalArgumentException("location: no such location."));
        var zone = calendar.zone();
        var from = date.atStartOfDay(zone).toInstant();
        var to = date.plusDays(1).atStartOfDay(zone).toInstant();
        var appointments = jdbc.sql("SELECT * FROM appointment WHERE location_id = :l AND status = 'BOOKED'"
                        + " AND starts_at < :to AND ends_at > :from AND starts_at > :earliest ORDER BY starts_at")
                .param("l", location).param("from", Appointments.utc(from)).param("to", Appointments.utc(to))
                .param("earliest", Appointments.utc(from.minus(Appointment.LONGEST)))
                .query(Appointments::map).list();
        var patients = labels(appointments);
        var clinicianIds = new ArrayList<UUID>();
        appointments.stream().filter(a -> a.clinicianId() != null).forEach(a -> clinicianIds.add(a.clinicianId()));
        var staff = blocks.overlapping(location, from, to);
        staff.forEach(b -> clinicianIds.add(b.accountId()));
        var names = accounts.displayNames(clinicianIds);
        var staffing = staff.stream().map(b -> b.kind().label() + ": " + names.getOrDefault(b.accountId(), "staff") + " "
                + b.startsAt().atZone(zone).toLocalTime() + "–" + b.endsAt().atZone(zone).toLocalTime()).toList();
        audit.record(AuditRecord.success("SCHEDULE_VIEWED").withDetails("day " + place.name() + " " + date + ", "
                + appointments.size() + " appointments"));
        return DayView.build(place, date, zone, settings.dayStarts(), settings.dayEnds(), appointments, patients, names,
                staffing, clock.instant());
    }

    @PreAuthorize(Appointments.BOOKERS)
    @Transactional // not read-only: the read is audited
    public WeekView week(UUID clinician, LocalDate anyDay) {
        var zone = calendar.zone();
        var monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var from = monday.atStartOfDay(zone).toInstant();
        var to = monday.plusDays(7).atStartOfDay(zone).toInstant();
        var appointments = jdbc.sql("SELECT * FROM appointment WHERE clinician_id = :c AND status = 'BOOKED'"
                        + " AND starts_at < :to AND ends_at > :from AND starts_at > :earliest ORDER BY starts_at")
                .param("c", clinician).param("from", Appointments.utc(from)).param("to", Appointments.utc(to))
                .param("earliest", Appointments.utc(from.minus(Appointment.LONGEST)))
                .query(Appointments::map).list();
        var patients = labels(appointments);
        var name = accounts.displayNames(List.of(clinician)).getOrDefault(clinician, "Clinician");
        var days = new LinkedHashMap<LocalDate, List<DayView.Entry>>();
        for (int i = 0; i < 7; i++) {
            days.put(monday.plusDays(i), new ArrayList<>());
        }
        for (var a : appointments) {
            var label = patients.getOrDefault(a.patientId(), new String[] {"(record)", ""});
            var start = a.startsAt().atZone(zone);
            days.computeIfAbsent(start.toLocalDate(), d -> new ArrayList<>()).add(new DayView.Entry(a, label[0], label[1],
                    start.toLocalTime() + "–" + a.endsAt().atZone(zone).toLocalTime(), name, false));
        }
        audit.record(AuditRecord.success("SCHEDULE_VIEWED").withDetails("week of " + monday + " for " + name + ", "
                + appointments.size() + " appointments"));
        return new WeekView(clinician, name, monday, days);
    }

    /**
     * Names and MRNs for the patients on a view. With care-team-only access (ADR 004) a therapist or prescriber sees
     * the name only of their own care team's patients and of appointments with them, a nurse only of today's dosing
     * patients where they are on shift; everyone else on the view shows as initials.
     */
    private Map<UUID, String[]> labels(List<Appointment> appointments) {
        var map = new HashMap<UUID, String[]>();
        var user = currentUser.get();
        boolean limited = patients.careTeamOnly() && !user.hasRole(org.kapclinic.security.Role.INTAKE_COORDINATOR);
        var me = user.id().value();
        var nurseToday = limited && user.hasRole(org.kapclinic.security.Role.NURSE)
                ? nurses.patientsBookedToday(me) : java.util.Set.<UUID>of();
        var withMe = new java.util.HashSet<UUID>();
        appointments.stream().filter(a -> me.equals(a.clinicianId())).forEach(a -> withMe.add(a.patientId()));
        directory.labels(appointments.stream().map(Appointment::patientId).distinct().toList()).forEach((id, l) -> {
            boolean named = !limited || withMe.contains(id) || nurseToday.contains(id)
                    || me.equals(l.careTeam().therapistId()) || me.equals(l.careTeam().prescriberId());
            map.put(id, named ? new String[] {l.name(), l.mrn()} : new String[] {CalendarFeeds.initials(l.name()), ""});
        });
        return map;
    }
}
