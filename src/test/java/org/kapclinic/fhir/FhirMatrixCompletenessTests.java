// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FHIR authorization matrix covers every interaction the server offers (ADR 029). HAPI's RestfulServer is not in
 * the MVC handler mapping that AuthorizationMatrixTests enumerates, so the list comes from the server's own
 * CapabilityStatement: each resource type's read and search, each type-level or instance-level operation and each
 * system-level operation needs a row in {@link FhirAuthorizationMatrixTests#MATRIX}. A resource provider added later
 * fails this test until its rows are written.
 */
@ClinicIntegrationTest
class FhirMatrixCompletenessTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    @Test
    void everyInteractionInTheCapabilityStatementHasARowInTheFhirMatrix() throws Exception {
        var response = FhirRequests.send(context, "GET", "/fhir/metadata", null, null,
                Map.of("Accept", "application/fhir+json"));
        assertThat(response.getStatus()).isEqualTo(200);
        var capability = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        var paths = FhirAuthorizationMatrixTests.rows().stream().map(FhirAuthorizationMatrixTests.Row::path).toList();
        var missing = new TreeSet<String>();
        var offered = 0;
        for (var rest : capability.path("rest")) {
            for (var resource : rest.path("resource")) {
                var type = resource.path("type").asString();
                for (var interaction : resource.path("interaction")) {
                    var code = interaction.path("code").asString();
                    offered++;
                    boolean covered = switch (code) {
                        case "read", "vread" -> paths.stream().anyMatch(p -> p.matches("/fhir/" + type + "/[^/?]+")
                                && !p.contains("$"));
                        case "search-type" -> paths.stream().anyMatch(p -> p.equals("/fhir/" + type)
                                || p.startsWith("/fhir/" + type + "?"));
                        default -> false;
                    };
                    if (!covered) {
                        missing.add(code + " " + type);
                    }
                }
                for (var operation : resource.path("operation")) {
                    var name = operation.path("name").asString();
                    offered++;
                    if (paths.stream().noneMatch(p -> p.startsWith("/fhir/" + type) && p.contains("$" + name))) {
                        missing.add("$" + name + " on " + type);
                    }
                }
            }
            for (var operation : rest.path("operation")) {
                var name = operation.path("name").asString();
                offered++;
                if (paths.stream().noneMatch(p -> p.startsWith("/fhir/$" + name))) {
                    missing.add("$" + name + " (system)");
                }
            }
        }
        assertThat(offered).as("interactions in the CapabilityStatement").isGreaterThan(10);
        assertThat(missing).as("FHIR interactions without a row in FhirAuthorizationMatrixTests.MATRIX").isEmpty();
    }
}
