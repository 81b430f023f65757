// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import org.kapclinic.vocabulary.CrisisResource;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/inquiries: the public intake API. No sign-in and no CSRF token (it changes nothing a session owns).
 * A repeat with the same Idempotency-Key, or the same payload within minutes, returns the first inquiry.
 */
@RestController
class InquiryApiController {

    /** The answer to a submission. {@code respondBy} carries the clinic's offset. */
    record Created(UUID id, String reference, OffsetDateTime respondBy, boolean urgent, List<CrisisResource> crisisResources) {}

    private final Inquiries inquiries;
    private final InquiryValidation validation;

    InquiryApiController(Inquiries inquiries, InquiryValidation validation) {
        this.inquiries = inquiries;
        this.validation = validation;
    }

    @PostMapping(path = "/api/v1/inquiries", consumes = "application/json", produces = "application/json")
    ResponseEntity<?> submit(@RequestBody InquiryRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            HttpServletRequest request) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            return badRequest(List.of(Map.of("field", "Idempotency-Key", "message", "Use 1 to 100 characters.")));
        }
        var errors = InquiryValidation.newErrors();
        var inquiry = validation.validate(body, inquiries.today(), errors);
        if (inquiry == null) {
            return badRequest(errors.getFieldErrors().stream()
                    .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage()))).toList());
        }
        try {
            var s = inquiries.submit(inquiry, idempotencyKey, request.getRemoteAddr());
            var created = new Created(s.id().value(), s.reference(), s.respondBy().atZone(s.zone()).toOffsetDateTime(),
                    s.urgent(), CrisisResource.ALL);
            var response = ResponseEntity.status(HttpStatus.CREATED)
                    .location(java.net.URI.create("/api/v1/inquiries/" + s.id()));
            if (s.repeat()) {
                response.header("Idempotent-Replayed", "true");
            }
            return response.body(created);
        } catch (TooManySubmissions e) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many inquiries from this address. Try again later. In a crisis, call or text 988 now.");
            problem.setTitle("Too many requests");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }

    private static ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields need attention.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
