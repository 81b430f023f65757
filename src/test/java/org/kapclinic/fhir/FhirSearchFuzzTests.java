// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.patients.PatientFixtures;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Fuzzes what a FHIR client sends (ADR 023, ADR 029): ids in the path and search parameters, through Spring Security
 * and HAPI's servlet as a signed-in prescriber. Input: the first line picks the resource type, the second is the id
 * (blank: a search), every further line a "name=value" search parameter; "{patient}" stands for a real record's id.
 * The server takes no resources in (it is read-only), so ids and parameters are all it parses.
 */
@ClinicIntegrationTest
class FhirSearchFuzzTests {

    private static final List<String> TYPES = List.of("Patient", "Observation", "QuestionnaireResponse", "Questionnaire",
            "Encounter", "MedicationAdministration", "CarePlan", "Flag", "Practitioner", "metadata", "Patient/$everything",
            "Nonsense");

    @Autowired
    ApplicationContext context;

    private ClinicUser prescriber;
    private String patient;

    /**
     * Whatever is asked, the answer is a FHIR resource (a Bundle, the resource, or an OperationOutcome) with a status
     * below 500, and no stack trace or Java class name leaks into it.
     */
    @FuzzTest(maxDuration = "60s")
    void anySearchOrReadIsAnsweredWithAResourceNeverAServerError(FuzzedDataProvider data) throws Exception {
        if (prescriber == null) {
            prescriber = TestAccounts.create(context, Role.PRESCRIBER);
            var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
            patient = TestAccounts.runAs(intake, () -> context.getBean(Patients.class).register(
                    PatientFixtures.details("Fuzzy", PatientFixtures.uniqueFamily(), java.time.LocalDate.of(1980, 2, 3))))
                    .value().toString();
        }
        var lines = data.consumeRemainingAsString().replace("{patient}", patient).split("\n", -1);
        var type = TYPES.get(Math.floorMod(lines[0].hashCode(), TYPES.size()));
        var path = new StringBuilder("/fhir/");
        if (type.equals("Patient/$everything")) {
            path.append("Patient/").append(encode(line(lines, 1))).append("/$everything");
        } else {
            path.append(type);
            if (!line(lines, 1).isEmpty()) {
                path.append('/').append(encode(line(lines, 1)));
            }
        }
        var query = new StringBuilder();
        for (int i = 2; i < lines.length; i++) {
            var eq = lines[i].indexOf('=');
            query.append(query.isEmpty() ? "?" : "&").append(encode(eq < 0 ? lines[i] : lines[i].substring(0, eq)));
            if (eq >= 0) {
                query.append('=').append(encode(lines[i].substring(eq + 1)));
            }
        }
        var response = FhirRequests.send(context, "GET", path + query.toString(), prescriber, null,
                Map.of("Accept", "application/fhir+json"));
        var body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(path + query.toString() + " -> " + body).isLessThan(500);
        assertThat(body).as(path + query.toString()).contains("\"resourceType\"");
        assertThat(body).doesNotContain("\tat ", "org.kapclinic", "java.lang.", "org.springframework", "SQL");
    }

    private static String line(String[] lines, int index) {
        return index < lines.length ? lines[index] : "";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
