// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The care timeline as JSON: the same filter and paging as the page; a filter that cannot be read is a 400. */
@RestController
class TimelineApiController {

    private final CareTimeline timeline;

    TimelineApiController(CareTimeline timeline) {
        this.timeline = timeline;
    }

    record Entries(UUID patientId, Instant from, Instant to, List<TimelineKind> kinds, List<TimelineEntry> entries,
            @Nullable Instant olderBefore) {}

    @GetMapping(path = "/api/v1/patients/{id}/timeline", produces = "application/json")
    ResponseEntity<?> timeline(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<String> kind,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String before) {
        var page = timeline.page(new PatientId(id), timeline.filter(kind, from, to, before));
        var window = page.window();
        if (window == null) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The timeline filter could not be read.");
            problem.setTitle("Invalid filter");
            problem.setProperty("errors", page.filter().errors().entrySet().stream()
                    .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(new Entries(id, window.from(), window.to(),
                window.kinds().stream().sorted().toList(), page.entries(), page.older()));
    }
}
