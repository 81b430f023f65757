// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * System-level {@code $export} jobs (ADR 023): the kick-off writes every NDJSON file at once into a temporary folder
 * of this node, and the job stays readable by the admin who started it for {@code kap.fhir.bulk-export.retention}
 * (one hour by default); then it and its files are gone. A status request after that, or on another node, is 404.
 */
@Component
class BulkExports {

    record Job(UUID id, String owner, Instant transactionTime, String request, Map<String, Long> counts, Path folder,
            Instant expiresAt) {}

    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ClinicNdjson ndjson;
    private final FhirSettings settings;
    private final Clock clock;

    BulkExports(ClinicNdjson ndjson, FhirSettings settings, Clock clock) {
        this.ndjson = ndjson;
        this.settings = settings;
        this.clock = clock;
    }

    Job run(String owner, String request, StaffIndex staff) {
        purgeExpired();
        var id = UUID.randomUUID();
        var at = clock.instant();
        try {
            var folder = Files.createTempDirectory("kap-fhir-export-");
            var counts = new LinkedHashMap<String, Long>();
            for (var type : ClinicNdjson.TYPES) {
                var file = folder.resolve(ClinicNdjson.fileName(type));
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
                    counts.put(type.name(), ndjson.write(type, staff, out));
                }
            }
            var job = new Job(id, owner, at, request, counts, folder, at.plus(settings.bulkRetention()));
            jobs.put(id, job);
            return job;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job, for its owner only, while it is kept. */
    Optional<Job> find(UUID id, String owner) {
        purgeExpired();
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner().equals(owner));
    }

    private void purgeExpired() {
        var now = clock.instant();
        jobs.values().removeIf(job -> {
            if (now.isBefore(job.expiresAt())) {
                return false;
            }
            delete(job.folder());
            return true;
        });
    }

    @PreDestroy
    void deleteAll() {
        jobs.values().forEach(job -> delete(job.folder()));
        jobs.clear();
    }

    private static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder the OS cleans up anyway
        }
    }
}
