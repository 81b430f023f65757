// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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

/** Stored administrations and questionnaire links over JSON, for clinicians and API tokens. */
@RestController
class AssessmentApiController {

    /** {@code {"instrument": "phq9", "answers": {"1": 2}, "administeredAt": "2026-11-26T10:00:00-05:00"}}. */
    record RecordRequest(@Nullable String instrument, @Nullable Map<String, Integer> answers,
            @Nullable OffsetDateTime administeredAt) {}

    record LinkRequest(@Nullable String instrument) {}

    private final Assessments assessments;
    private final Questionnaires questionnaires;

    AssessmentApiController(Assessments assessments, Questionnaires questionnaires) {
        this.assessments = assessments;
        this.questionnaires = questionnaires;
    }

    @PostMapping(path = "/api/v1/patients/{id}/assessments", consumes = "application/json", produces = "application/json")
    ResponseEntity<?> record(@PathVariable UUID id, @RequestBody RecordRequest request) {
        if (request.instrument() == null || request.instrument().isBlank()) {
            return invalid(List.of(Map.of("field", "instrument", "message", "Give the instrument code, e.g. phq9.")),
                    List.of());
        }
        try {
            var view = assessments.recordByClinician(new PatientId(id), request.instrument(),
                    request.answers() == null ? Map.of() : request.answers(),
                    request.administeredAt() == null ? null : request.administeredAt().toInstant(), Channel.API);
            return ResponseEntity.created(URI.create("/api/v1/assessments/" + view.id())).body(body(view));
        } catch (IncompleteAnswers e) {
            return invalid(e.score().problems().stream()
                    .map(p -> Map.of("field", "answers." + p.item(), "message", p.message())).toList(), e.score().flags());
        } catch (IllegalArgumentException e) {
            return invalid(List.of(error(FieldMessage.of(e, "request"))), List.of());
        }
    }

    @GetMapping(path = "/api/v1/patients/{id}/assessments", produces = "application/json")
    List<Map<String, @Nullable Object>> list(@PathVariable UUID id, @RequestParam(required = false) @Nullable String instrument) {
        return assessments.history(new PatientId(id), instrument).stream().map(AssessmentApiController::body).toList();
    }

    @GetMapping(path = "/api/v1/assessments/{id}", produces = "application/json")
    Map<String, @Nullable Object> get(@PathVariable UUID id) {
        return body(assessments.get(new AssessmentId(id)));
    }

    @GetMapping(path = "/api/v1/patients/{id}/trajectories/{instrument}", produces = "application/json")
    Trajectory trajectory(@PathVariable UUID id, @PathVariable String instrument) {
        return assessments.trajectory(new PatientId(id), instrument);
    }

    /** Emails the patient a secure link; answers 201 with when it expires. */
    @PostMapping(path = "/api/v1/patients/{id}/questionnaire-links", consumes = "application/json",
            produces = "application/json")
    ResponseEntity<?> sendLink(@PathVariable UUID id, @RequestBody LinkRequest request) {
        try {
            var sent = questionnaires.sendLink(new PatientId(id), request.instrument() == null ? "" : request.instrument());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(Map.of("id", sent.id().value(), "sentTo", sent.sentTo(), "expiresAt", sent.expiresAt()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return invalid(List.of(error(FieldMessage.of(e, "patient"))), List.of());
        }
    }

    private static Map<String, String> error(FieldMessage m) {
        return Map.of("field", m.field(), "message", m.message());
    }

    private static ResponseEntity<ProblemDetail> invalid(List<Map<String, String>> errors, List<String> flags) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The assessment was not stored.");
        problem.setTitle("Invalid assessment");
        problem.setProperty("errors", errors);
        problem.setProperty("flags", flags);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static Map<String, @Nullable Object> body(AssessmentView v) {
        var body = new LinkedHashMap<String, @Nullable Object>();
        body.put("id", v.id().value());
        body.put("patientId", v.patientId().value());
        body.put("instrument", v.instrument());
        body.put("total", v.total());
        body.put("severity", v.severity());
        body.put("flags", v.flags());
        body.put("answers", v.answers());
        body.put("channel", v.channel().name());
        body.put("administeredAt", v.administeredAt());
        body.put("recordedBy", v.recordedBy());
        return body;
    }
}
