// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Clock;
import java.time.LocalDate;
import org.kapclinic.calendar.ClinicCalendar;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.kapclinic.web.FieldMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Safety alerts and dosing clearance over JSON, for clinicians and API tokens. */
@RestController
class SafetyApiController {

    record Acknowledgement(@Nullable String action, @Nullable String note, @Nullable Integer quietDays) {}

    private final SafetyAlerts safety;
    private final DosingClearance clearance;
    private final ClinicCalendar calendar;
    private final Clock clock;

    SafetyApiController(SafetyAlerts safety, DosingClearance clearance, ClinicCalendar calendar, Clock clock) {
        this.safety = safety;
        this.clearance = clearance;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Open alerts (the inbox), or the alerts a given assessment or questionnaire raised or joined ({@code source}). */
    @GetMapping(path = "/api/v1/safety/alerts", produces = "application/json")
    List<Alert> alerts(@RequestParam(required = false) @Nullable UUID source) {
        if (source != null) {
            return safety.alertsFor(source).stream().map(id -> safety.detail(id).alert()).toList();
        }
        return safety.inbox().open().stream().map(SafetyAlerts.InboxRow::alert).toList();
    }

    @GetMapping(path = "/api/v1/safety/alerts/{id}", produces = "application/json")
    SafetyAlerts.AlertDetail alert(@PathVariable UUID id) {
        return safety.detail(new AlertId(id));
    }

    @PostMapping(path = "/api/v1/safety/alerts/{id}/acknowledgement", consumes = "application/json",
            produces = "application/json")
    ResponseEntity<?> acknowledge(@PathVariable UUID id, @RequestBody Acknowledgement body) {
        AckAction action;
        try {
            action = AckAction.valueOf(body.action() == null ? "" : body.action());
        } catch (IllegalArgumentException e) {
            return invalid("action", "Give one of " + List.of(AckAction.values()) + ".");
        }
        try {
            safety.acknowledge(new AlertId(id), action, body.note(), body.quietDays());
        } catch (IllegalArgumentException e) {
            var m = FieldMessage.of(e, "note");
            return invalid(m.field(), m.message());
        }
        return ResponseEntity.ok(safety.detail(new AlertId(id)).alert());
    }

    @GetMapping(path = "/api/v1/patients/{id}/safety-alerts", produces = "application/json")
    List<Alert> forPatient(@PathVariable UUID id) {
        return safety.forPatient(new PatientId(id));
    }

    /** "Is this patient cleared to dose on this day (default today), and if not, why?" */
    @GetMapping(path = "/api/v1/patients/{id}/dosing-clearance", produces = "application/json")
    DosingClearance.Clearance clearance(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate date) {
        return clearance.check(new PatientId(id), date == null ? LocalDate.now(clock.withZone(calendar.zone())) : date);
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The alert was not acknowledged.");
        problem.setTitle("Invalid acknowledgement");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
