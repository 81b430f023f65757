// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ResourceType;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bulk Data pattern at system level, admins only (ADR 023): {@code GET /fhir/$export} with
 * {@code Prefer: respond-async} answers 202 and a {@code Content-Location} to poll; {@code $export-poll-status} then
 * answers 200 with the manifest (the files are written during the kick-off); {@code $export-file} serves one NDJSON
 * file. Only the admin who started a job may read it, and only while it is kept.
 */
@Component
class BulkExportProvider {

    static final String NDJSON = "application/fhir+ndjson";

    private final FhirAccess access;
    private final BulkExports exports;
    private final JsonMapper json;

    BulkExportProvider(FhirAccess access, BulkExports exports, JsonMapper json) {
        this.access = access;
        this.exports = exports;
        this.json = json;
    }

    @Operation(name = "$export", idempotent = true, manualResponse = true)
    public void export(@OperationParam(name = "_outputFormat") @Nullable StringType outputFormat,
            @OperationParam(name = "_type") @Nullable StringType types, RequestDetails details,
            HttpServletRequest request, HttpServletResponse response) {
        access.requireAdmin("$export");
        var prefer = request.getHeader("Prefer");
        if (prefer == null || !prefer.contains("respond-async")) {
            throw new InvalidRequestException("Bulk export runs asynchronously: send 'Prefer: respond-async'.");
        }
        if (outputFormat != null && !List.of(NDJSON, "application/ndjson", "ndjson").contains(outputFormat.getValue())) {
            throw new InvalidRequestException("_outputFormat: only application/fhir+ndjson is offered.");
        }
        if (types != null) {
            throw new InvalidRequestException("_type: this server exports every type; leave _type out.");
        }
        var job = exports.run(access.user().email(), details.getCompleteUrl(), access.staff());
        access.audit("FHIR_BULK_EXPORT", ResourceType.Patient, job.id().toString(), List.of(),
                "system-level " + job.counts().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" ")));
        response.setStatus(202);
        response.setHeader("Content-Location", details.getFhirServerBase() + "/$export-poll-status?_jobId=" + job.id());
    }

    @Operation(name = "$export-poll-status", idempotent = true, manualResponse = true)
    public void status(@OperationParam(name = "_jobId") @Nullable StringType jobId, RequestDetails details,
            HttpServletResponse response) throws IOException {
        access.requireAdmin("$export-poll-status");
        var job = job(jobId);
        var base = details.getFhirServerBase();
        var output = job.counts().entrySet().stream().map(e -> Map.of("type", e.getKey(), "url",
                base + "/$export-file?_jobId=" + job.id() + "&_file=" + e.getKey() + ".ndjson", "count", e.getValue()))
                .toList();
        var manifest = new java.util.LinkedHashMap<String, Object>();
        manifest.put("transactionTime", job.transactionTime().toString());
        manifest.put("request", job.request());
        manifest.put("requiresAccessToken", true);
        manifest.put("output", output);
        manifest.put("error", List.of());
        response.setStatus(200);
        response.setHeader("Expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(job.expiresAt().atZone(java.time.ZoneOffset.UTC)));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(manifest));
    }

    @Operation(name = "$export-file", idempotent = true, manualResponse = true)
    public void file(@OperationParam(name = "_jobId") @Nullable StringType jobId,
            @OperationParam(name = "_file") @Nullable StringType file, HttpServletResponse response) throws IOException {
        access.requireAdmin("$export-file");
        var job = job(jobId);
        var name = file == null ? "" : file.getValue();
        if (ClinicNdjson.TYPES.stream().map(ClinicNdjson::fileName).noneMatch(name::equals)) {
            throw new ResourceNotFoundException("No such file in this export.");
        }
        access.audit("FHIR_BULK_EXPORT_DOWNLOADED", ResourceType.Patient, job.id().toString(), List.of(), name);
        response.setStatus(200);
        response.setContentType(NDJSON);
        Files.copy(job.folder().resolve(name), response.getOutputStream());
    }

    private BulkExports.Job job(@Nullable StringType jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId == null ? "" : jobId.getValue());
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException("No such export.");
        }
        return exports.find(id, access.user().email())
                .orElseThrow(() -> new ResourceNotFoundException("No such export, or it has expired."));
    }
}
