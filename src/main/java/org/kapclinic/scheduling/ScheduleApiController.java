// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Scheduling over JSON for coordinators, clinicians and their tokens: locations, a day, a patient's bookings. */
@RestController
class ScheduleApiController {

    record Booking(@Nullable AppointmentType type, @Nullable Modality modality, @Nullable UUID location,
            @Nullable UUID chair, @Nullable UUID clinician, @Nullable LocalDate date, @Nullable LocalTime time,
            @Nullable String label) {}

    record DayEntry(UUID id, UUID patientId, String patient, AppointmentType type, String label, @Nullable String column,
            Instant start, Instant end, @Nullable Instant doseAt, boolean transportConfirmed) {}

    record Day(UUID location, String name, LocalDate date, List<String> staffing, List<DayEntry> appointments) {}

    private final Appointments appointments;
    private final Schedules schedules;
    private final Locations locations;

    ScheduleApiController(Appointments appointments, Schedules schedules, Locations locations) {
        this.appointments = appointments;
        this.schedules = schedules;
        this.locations = locations;
    }

    @GetMapping(path = "/api/v1/locations", produces = "application/json")
    List<Place> locations() {
        return locations.all();
    }

    @GetMapping(path = "/api/v1/schedule/day", produces = "application/json")
    Day day(@RequestParam UUID location, @RequestParam LocalDate date) {
        var view = schedules.day(location, date);
        var columns = new java.util.HashMap<UUID, String>();
        view.columns().forEach(c -> columns.put(c.id(), c.name()));
        var entries = new java.util.ArrayList<DayEntry>();
        view.rows().forEach(r -> r.cells().stream().filter(c -> c.entry() != null).forEach(c -> entries.add(entry(
                c.entry(), columns))));
        view.elsewhere().forEach(e -> entries.add(entry(e, columns)));
        entries.sort(java.util.Comparator.comparing(DayEntry::start));
        return new Day(view.place().id(), view.place().name(), date, view.staffing(), entries);
    }

    private static DayEntry entry(DayView.Entry e, java.util.Map<UUID, String> columns) {
        var a = e.appointment();
        var column = a.chairId() != null ? columns.get(a.chairId()) : a.roomId() != null ? columns.get(a.roomId()) : null;
        return new DayEntry(a.id(), a.patientId(), e.patient(), a.type(), a.label(), column, a.startsAt(), a.endsAt(),
                a.doseAt(), a.transportConfirmedAt() != null);
    }

    @GetMapping(path = "/api/v1/patients/{id}/appointments", produces = "application/json")
    List<Appointment> forPatient(@PathVariable UUID id) {
        return appointments.forPatient(new PatientId(id));
    }

    /** Books; 201 with the appointment, 409 problem+json listing every clash, 400 naming a bad field. */
    @PostMapping(path = "/api/v1/patients/{id}/appointments", consumes = "application/json",
            produces = "application/json")
    ResponseEntity<?> book(@PathVariable UUID id, @RequestBody Booking body) {
        if (body.type() == null) {
            throw new IllegalArgumentException("type: choose what the appointment is for.");
        }
        try {
            var a = appointments.book(new Appointments.NewAppointment(new PatientId(id), body.type(), body.modality(),
                    body.location(), body.chair(), null, body.clinician(), body.date(), body.time(), body.label()));
            return ResponseEntity.status(HttpStatus.CREATED).body(a);
        } catch (BookingRefused refused) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, String.join(" ", refused.clashes()));
            problem.setTitle("That time clashes");
            problem.setProperty("clashes", refused.clashes());
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
