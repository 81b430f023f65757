// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.assessments.Channel;
import org.kapclinic.patients.Patients;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.ApiTokens;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/** The FHIR API end to end: sign-in by session or token, read, search, paging, errors, audit, $everything, $export. */
@ClinicIntegrationTest
class FhirApiTests {

    static final String PHQ9 = "{\"1\":1,\"2\":2,\"3\":1,\"4\":2,\"5\":0,\"6\":1,\"7\":1,\"8\":0,\"9\":1}";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    final FhirContext fhir = FhirContext.forR4Cached();

    CareTeamFixture patientWithPhq9() {
        var team = CareTeamFixture.create(context);
        TestAccounts.runAs(team.therapist(), () -> context.getBean(Assessments.class).recordByClinician(team.patient(),
                "phq9", Map.of("1", 1, "2", 2, "3", 1, "4", 2, "5", 0, "6", 1, "7", 1, "8", 0, "9", 1), null,
                Channel.CLINICIAN));
        return team;
    }

    MockHttpServletResponse get(String path, ClinicUser session) {
        return FhirRequests.get(context, path, session, null);
    }

    <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(MockHttpServletResponse response, Class<T> type)
            throws Exception {
        return fhir.newJsonParser().parseResource(type, response.getContentAsString());
    }

    String token(ClinicUser user) {
        var admin = TestAccounts.create(context, Role.ADMIN);
        return org.kapclinic.security.TestMfa.issueToken(context, admin, user, "fhir test").secret();
    }

    long audited(String action, java.util.UUID patient, ClinicUser user) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND patient_id = :p AND username = :u")
                .param("a", action).param("p", patient).param("u", user.email()).query(Long.class).single();
    }

    @Test
    void aClinicianReadsAPatientAndSearchesTheirScoresByPatientAndDateWithASessionOrAToken() throws Exception {
        var team = patientWithPhq9();
        var id = team.patient().value();

        var read = get("/fhir/Patient/" + id, team.therapist());
        assertThat(read.getStatus()).isEqualTo(200);
        var patient = parse(read, Patient.class);
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo(team.family());
        assertThat(patient.getIdentifierFirstRep().getValue()).startsWith("KC");
        assertThat(audited("FHIR_READ", id, team.therapist())).isEqualTo(1);

        var search = FhirRequests.get(context, "/fhir/Observation?patient=Patient/" + id + "&date=ge2000-01-01"
                + "&code=http://loinc.org|44261-6", null, token(team.prescriber()));
        assertThat(search.getStatus()).isEqualTo(200);
        var bundle = parse(search, Bundle.class);
        assertThat(bundle.getEntry()).singleElement().satisfies(e -> {
            var total = (Observation) e.getResource();
            assertThat(total.getValueQuantity().getValue()).isEqualByComparingTo("9");
            assertThat(total.getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
        });
        assertThat(audited("FHIR_SEARCH", id, team.prescriber())).isEqualTo(1);

        var none = get("/fhir/Observation?patient=Patient/" + id + "&date=ge2999-01-01", team.therapist());
        assertThat(parse(none, Bundle.class).getEntry()).isEmpty();

        var item9 = get("/fhir/Observation?patient=Patient/" + id + "&code=44260-8", team.therapist());
        assertThat(parse(item9, Bundle.class).getEntry()).singleElement()
                .satisfies(e -> assertThat(((Observation) e.getResource()).getValueIntegerType().getValue()).isEqualTo(1));

        var responses = parse(get("/fhir/QuestionnaireResponse?patient=" + id, team.therapist()), Bundle.class);
        var qr = (QuestionnaireResponse) responses.getEntryFirstRep().getResource();
        assertThat(qr.getQuestionnaire()).endsWith("/Questionnaire/phq9|1");
        var again = get("/fhir/QuestionnaireResponse/" + qr.getIdElement().getIdPart(), team.therapist());
        assertThat(parse(again, QuestionnaireResponse.class).getItem()).hasSize(9);
    }

    @Test
    void aPatientReadsOnlyTheirOwnResourcesAndIsRefusedAnotherPatientsEvenThroughSearch() throws Exception {
        var own = patientWithPhq9();
        var other = patientWithPhq9();
        var invitation = TestAccounts.runAs(own.therapist(), () -> context.getBean(Patients.class)
                .invitePortalAccount(own.patient()));
        var patient = TestAccounts.load(context, invitation.email());

        assertThat(get("/fhir/Patient/" + own.patient().value(), patient).getStatus()).isEqualTo(200);
        var mine = parse(get("/fhir/Observation", patient), Bundle.class);
        assertThat(mine.getEntry()).isNotEmpty().allSatisfy(e -> assertThat(((Observation) e.getResource())
                .getSubject().getReference()).isEqualTo("Patient/" + own.patient().value()));
        assertThat(parse(get("/fhir/Patient", patient), Bundle.class).getEntry()).singleElement()
                .satisfies(e -> assertThat(e.getResource().getIdElement().getIdPart())
                        .isEqualTo(own.patient().value().toString()));

        var theirs = get("/fhir/Patient/" + other.patient().value(), patient);
        assertThat(theirs.getStatus()).isEqualTo(403);
        assertThat(theirs.getContentAsString()).doesNotContain(other.family());
        var search = get("/fhir/Observation?patient=Patient/" + other.patient().value(), patient);
        assertThat(search.getStatus()).isEqualTo(403);
        assertThat(parse(search, OperationOutcome.class).getIssueFirstRep().getSeverity())
                .isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        var qrId = jdbc.sql("SELECT id FROM assessment WHERE patient_id = :p").param("p", other.patient().value())
                .query(java.util.UUID.class).single();
        assertThat(get("/fhir/QuestionnaireResponse/" + qrId, patient).getStatus()).isEqualTo(403);
        assertThat(get("/fhir/Observation/" + qrId + "-total", patient).getStatus()).isEqualTo(403);
        assertThat(get("/fhir/Patient/" + other.patient().value() + "/$everything", patient).getStatus())
                .isEqualTo(403);
    }

    @Test
    void badSearchParametersAre400OperationOutcomesWithoutInternals() throws Exception {
        var team = patientWithPhq9();
        var id = team.patient().value();
        for (var path : new String[] {"/fhir/Observation?patient=Patient/" + id + "&date=ge2026-13-01",
                "/fhir/Observation?patient=Patient/" + java.util.UUID.randomUUID(),
                "/fhir/Observation?patient=Patient/not-a-patient", "/fhir/Observation",
                "/fhir/Encounter?patient=Patient/" + id + "&unknown=1"}) {
            var response = get(path, team.therapist());
            assertThat(response.getStatus()).as(path).isEqualTo(400);
            assertThat(response.getContentAsString()).as(path).contains("OperationOutcome")
                    .doesNotContain("at org.").doesNotContain("Exception").doesNotContain("SELECT");
        }
        assertThat(get("/fhir/Observation/" + java.util.UUID.randomUUID() + "-total", team.therapist()).getStatus())
                .isEqualTo(404);
        assertThat(get("/fhir/Patient/nonsense", team.therapist()).getStatus()).isEqualTo(404);
    }

    @Test
    void anonymousCallersGet401ButTheCapabilityStatementIsPublic() throws Exception {
        var team = patientWithPhq9();
        var anonymous = FhirRequests.get(context, "/fhir/Patient/" + team.patient().value(), null, null);
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getContentAsString()).doesNotContain(team.family());
        var metadata = FhirRequests.get(context, "/fhir/metadata", null, null);
        assertThat(metadata.getStatus()).isEqualTo(200);
        var statement = parse(metadata, org.hl7.fhir.r4.model.CapabilityStatement.class);
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .contains("Patient", "Practitioner", "Questionnaire", "QuestionnaireResponse", "Observation",
                        "Encounter", "MedicationAdministration", "CarePlan", "Flag");
    }

    @Test
    void laterPagesGoOnlyToTheUserWhoSearched() throws Exception {
        var team = patientWithPhq9();
        var first = parse(get("/fhir/Observation?patient=Patient/" + team.patient().value() + "&_count=6",
                team.therapist()), Bundle.class);
        assertThat(first.getTotal()).isEqualTo(10); // the total and the nine LOINC-coded PHQ-9 items
        assertThat(first.getEntry()).hasSize(6);
        var next = first.getLink("next").getUrl();
        var path = next.substring(next.indexOf("/fhir"));
        var page2 = get(path, team.therapist());
        assertThat(page2.getStatus()).isEqualTo(200);
        assertThat(parse(page2, Bundle.class).getEntry()).hasSize(4);
        assertThat(get(path, team.prescriber()).getStatus()).isIn(404, 410);
    }
    @Test
    void everythingAnswersOneBundleWithThePatientTheirResourcesAndWhatTheyReferTo() throws Exception {
        var team = patientWithPhq9();
        var response = get("/fhir/Patient/" + team.patient().value() + "/$everything", team.therapist());
        assertThat(response.getStatus()).isEqualTo(200);
        var bundle = parse(response, Bundle.class);
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("Patient", "QuestionnaireResponse", "Observation", "Questionnaire", "Practitioner");
        assertThat(bundle.getEntry()).filteredOn(e -> e.getResource() instanceof Patient).singleElement()
                .satisfies(e -> assertThat(e.getResource().getIdElement().getIdPart())
                        .isEqualTo(team.patient().value().toString()));
        assertThat(audited("FHIR_EVERYTHING", team.patient().value(), team.therapist())).isEqualTo(1);
        // demographics only: an intake coordinator may read the Patient but not the whole record
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        assertThat(get("/fhir/Patient/" + team.patient().value(), intake).getStatus()).isEqualTo(200);
        assertThat(get("/fhir/Patient/" + team.patient().value() + "/$everything", intake).getStatus()).isEqualTo(403);
    }

    @Test
    void anAdminExportsTheWholeClinicAsNdjsonThroughKickOffStatusAndFiles() throws Exception {
        var team = patientWithPhq9();
        var admin = TestAccounts.create(context, Role.ADMIN);
        assertThat(get("/fhir/$export", admin).getStatus()).isEqualTo(400); // no Prefer: respond-async
        var kickOff = FhirRequests.send(context, "GET", "/fhir/$export", admin, null, Map.of("Prefer", "respond-async"));
        assertThat(kickOff.getStatus()).isEqualTo(202);
        var location = kickOff.getHeader("Content-Location");
        assertThat(location).contains("/fhir/$export-poll-status?_jobId=");
        var statusPath = location.substring(location.indexOf("/fhir/"));

        var status = get(statusPath, admin);
        assertThat(status.getStatus()).isEqualTo(200);
        var manifest = status.getContentAsString();
        assertThat(manifest).contains("\"requiresAccessToken\":true").contains("Patient.ndjson")
                .contains("QuestionnaireResponse.ndjson").contains("Observation.ndjson");
        var file = get(statusPath.replace("$export-poll-status", "$export-file") + "&_file=QuestionnaireResponse.ndjson",
                admin);
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).startsWith("application/fhir+ndjson");
        var lines = file.getContentAsString().lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(fhir.newJsonParser().parseResource(line).fhirType())
                .isEqualTo("QuestionnaireResponse"));
        assertThat(lines).anyMatch(line -> line.contains("Patient/" + team.patient().value()));

        var anotherAdmin = TestAccounts.create(context, Role.ADMIN);
        assertThat(get(statusPath, anotherAdmin).getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'FHIR_BULK_EXPORT' AND username = :u")
                .param("u", admin.email()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStaffPatientSearchAuditsEachPatientOnThePageServed() throws Exception {
        var first = patientWithPhq9();
        var bundle = parse(get("/fhir/Patient?name=" + first.family(), first.therapist()), Bundle.class);
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(first.patient().value().toString());
        assertThat(audited("FHIR_SEARCH", first.patient().value(), first.therapist())).isEqualTo(1);
    }
}
