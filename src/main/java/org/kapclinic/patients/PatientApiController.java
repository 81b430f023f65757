// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for patient records: list/search, get, create, update. Errors are problem+json (see ApiProblems). */
@RestController
@RequestMapping("/api/v1/patients")
@Tag(name = "Patients")
class PatientApiController {

    record PatientResource(UUID id, String mrn, PatientDetails details, @Nullable UUID therapistId,
            @Nullable UUID prescriberId, boolean voided, @Nullable String voidReason, Instant updatedAt, long version) {

        static PatientResource of(PatientView v) {
            return new PatientResource(v.id().value(), v.mrn().value(), v.details(), v.therapistId(), v.prescriberId(),
                    v.voided(), v.voidReason(), v.updatedAt(), v.version());
        }
    }

    record PatientListItem(UUID id, String mrn, String familyName, String givenName, @Nullable String preferredName,
            LocalDate dateOfBirth, boolean voided) {}

    record PatientList(List<PatientListItem> items, int page, int size, long total) {}

    private final Patients patients;

    PatientApiController(Patients patients) {
        this.patients = patients;
    }

    @GetMapping
    @Operation(summary = "Search patients by name prefix, date of birth (YYYY-MM-DD) or MRN; empty q lists all")
    PatientList list(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean includeVoided) {
        var result = patients.search(q, includeVoided, page);
        return new PatientList(result.patients().stream().map(s -> new PatientListItem(s.id().value(), s.mrn(),
                s.familyName(), s.givenName(), s.preferredName(), s.dateOfBirth(), s.voided())).toList(),
                result.page(), result.size(), result.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get one patient record")
    ResponseEntity<PatientResource> get(@PathVariable UUID id) {
        var view = patients.get(new PatientId(id));
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(PatientResource.of(view));
    }

    @PostMapping
    @Operation(summary = "Register a patient; the MRN is generated")
    ResponseEntity<PatientResource> create(@Valid @RequestBody PatientDetails details) {
        var id = patients.register(details);
        var view = patients.get(id);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + id)).eTag("\"" + view.version() + "\"")
                .body(PatientResource.of(view));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Correct demographics. Send If-Match with the ETag you read to refuse lost updates")
    ResponseEntity<PatientResource> update(@PathVariable UUID id, @Valid @RequestBody PatientDetails details,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        var patientId = new PatientId(id);
        long expected = ifMatch == null ? patients.get(patientId).version() : parseVersion(ifMatch);
        patients.correct(patientId, details, expected);
        var view = patients.get(patientId);
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(PatientResource.of(view));
    }

    private static long parseVersion(String etag) {
        try {
            return Long.parseLong(etag.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match must be an ETag returned by this API, e.g. \"3\".");
        }
    }
}
