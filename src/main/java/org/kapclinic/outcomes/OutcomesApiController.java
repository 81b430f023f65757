// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures as JSON; a filter that cannot be read is a problem+json naming each field. */
@RestController
class OutcomesApiController {

    private final OutcomesDashboard dashboard;

    OutcomesApiController(OutcomesDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping(path = "/api/v1/outcomes", produces = "application/json")
    ResponseEntity<?> outcomes(@RequestParam(required = false) @Nullable String modality,
            @RequestParam(required = false) @Nullable String protocol,
            @RequestParam(required = false) @Nullable String therapist,
            @RequestParam(required = false) @Nullable String location,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        var filter = dashboard.filter(modality, protocol, therapist, location, from, to);
        var outcomes = dashboard.view(filter, "api");
        if (outcomes == null) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The cohort filter could not be read.");
            problem.setTitle("Invalid filter");
            problem.setProperty("errors", filter.errors().entrySet().stream()
                    .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(outcomes);
    }
}
