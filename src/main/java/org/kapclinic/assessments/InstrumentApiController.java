// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The instrument catalogue and scoring over JSON, for signed-in staff and API tokens. */
@RestController
class InstrumentApiController {

    /** {@code {"answers": {"1": 2, "2": 0}}}: item numbers as strings, values as integers. */
    record ScoreRequest(@Nullable Map<String, Integer> answers) {}

    record Summary(String code, String version, String name, String administration) {}

    private final InstrumentCatalogue catalogue;

    InstrumentApiController(InstrumentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping(path = "/api/v1/instruments", produces = "application/json")
    List<Summary> list() {
        return catalogue.all().stream().map(i -> new Summary(i.code(), i.version(), i.name(), i.administration())).toList();
    }

    @GetMapping(path = "/api/v1/instruments/{code}", produces = "application/json")
    Instrument definition(@PathVariable String code) {
        return catalogue.get(code);
    }

    @PostMapping(path = "/api/v1/instruments/{code}/score", consumes = "application/json", produces = "application/json")
    ResponseEntity<?> score(@PathVariable String code, @RequestBody ScoreRequest request) {
        var score = catalogue.score(code, request.answers() == null ? Map.of() : request.answers());
        if (score.complete()) {
            var body = new java.util.LinkedHashMap<String, @Nullable Object>(); // keeps nulls and field order
            body.put("instrument", score.instrument());
            body.put("total", score.total());
            body.put("severity", score.severity());
            body.put("flags", score.flags());
            body.put("domains", score.domains());
            return ResponseEntity.ok(body);
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some answers are missing or out of range; no total was scored.");
        problem.setTitle("Invalid answers");
        problem.setProperty("errors", score.problems().stream()
                .map(p -> Map.of("field", "answers." + p.item(), "message", p.message())).toList());
        problem.setProperty("flags", score.flags());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
