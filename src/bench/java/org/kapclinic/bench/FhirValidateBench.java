// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.bench;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Questionnaire;
import org.kapclinic.fhir.R4Validator;

/**
 * The verification phase {@code fhir-validate}: exports the whole generated clinic through {@code GET /fhir/$export}
 * (an admin's token, Bulk Data kick-off, status, files) and validates every resource against base R4 with the tests'
 * shared validator. Questionnaires are validated and registered first, so every QuestionnaireResponse is checked
 * against its Questionnaire. Errors are functional problems; the time is only reported.
 */
final class FhirValidateBench {

    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    FhirValidateBench(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Resources validated per type, and every error (type/id message). */
    record Result(Map<String, Integer> validated, List<String> errors, double exportSeconds, double validateSeconds) {}

    Result run(Consumer<String> progress) throws Exception {
        long t0 = System.nanoTime();
        var kickOff = http.send(request(base + "/fhir/$export").header("Prefer", "respond-async").build(),
                HttpResponse.BodyHandlers.ofString());
        if (kickOff.statusCode() != 202) {
            throw new IllegalStateException("$export answered " + kickOff.statusCode() + ": " + kickOff.body());
        }
        var status = http.send(request(kickOff.headers().firstValue("Content-Location").orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (status.statusCode() != 200) {
            throw new IllegalStateException("$export-poll-status answered " + status.statusCode());
        }
        double exportSeconds = (System.nanoTime() - t0) / 1e9;
        var files = new ArrayList<String>();
        var m = URL.matcher(status.body());
        while (m.find()) {
            files.add(m.group(1));
        }
        // Questionnaires first: the responses are validated against them
        files.sort((a, b) -> Boolean.compare(!a.contains("Questionnaire.ndjson"), !b.contains("Questionnaire.ndjson")));
        var parser = FhirContext.forR4Cached().newJsonParser();
        var validated = new LinkedHashMap<String, Integer>();
        var errors = new ArrayList<String>();
        long t1 = System.nanoTime();
        for (var file : files) {
            var body = http.send(request(file).build(), HttpResponse.BodyHandlers.ofLines());
            body.body().filter(l -> !l.isBlank()).forEach(line -> {
                var resource = (org.hl7.fhir.r4.model.Resource) parser.parseResource(line);
                if (resource instanceof Questionnaire q) {
                    R4Validator.register(q);
                }
                R4Validator.errors(resource).forEach(e -> errors.add(resource.fhirType() + "/"
                        + resource.getIdElement().getIdPart() + " " + e));
                validated.merge(resource.fhirType(), 1, Integer::sum);
            });
            progress.accept("  validated " + file.replaceAll("^.*_file=", "") + ": " + validated);
        }
        return new Result(validated, errors, exportSeconds, (System.nanoTime() - t1) / 1e9);
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json");
    }
}
