// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.assessments.Channel;
import org.kapclinic.dosing.AdministrationForm;
import org.kapclinic.dosing.Administrations;
import org.kapclinic.dosing.CheckForm;
import org.kapclinic.dosing.Dissociation;
import org.kapclinic.dosing.DosingFixture;
import org.kapclinic.dosing.Monitoring;
import org.kapclinic.dosing.Route;
import org.kapclinic.dosing.Vitals;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.Patients;
import org.kapclinic.safety.SafetyAlerts;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FHIR authorization matrix: every FHIR interaction (metadata, read and search per type, $everything, the bulk
 * export's kick-off, status and file) against every caller, each cell one request through Spring Security and HAPI.
 * "patient-own" is the signed-in patient asking about their own record, "patient-other" the same patient asking about
 * someone else's; staff ask about the "own" record (every clinician may open every record unless care-team-only
 * access is on, which Patients.forCare applies to FHIR as to the pages). A patient's search for another patient's
 * Patient by _id finds nothing (200, empty), since a patient's Patient search only ever looks at their own record.
 */
@ClinicIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirAuthorizationMatrixTests {

    enum Caller { ANONYMOUS, PATIENT_OWN, PATIENT_OTHER, INTAKE_COORDINATOR, THERAPIST, NURSE, PRESCRIBER, ADMIN }

    static final String MATRIX = """
            # interaction                                   anon pOwn pOther intake therap nurse prescr admin
            GET /fhir/metadata                              200  200  200    200    200    200   200    200
            GET /fhir/Patient/{patient}                     401  200  403    200    200    200   200    403
            GET /fhir/Patient?_id={patient}                 401  200  200    200    200    200   200    403
            GET /fhir/Patient/{patient}/$everything         401  200  403    403    200    200   200    403
            GET /fhir/Practitioner/{practitioner}           401  403  403    200    200    200   200    200
            GET /fhir/Practitioner                          401  403  403    200    200    200   200    200
            GET /fhir/Questionnaire/phq9                    401  200  200    200    200    200   200    200
            GET /fhir/Questionnaire                         401  200  200    200    200    200   200    200
            GET /fhir/QuestionnaireResponse/{assessment}    401  200  403    403    200    200   200    403
            GET /fhir/QuestionnaireResponse?patient={patient} 401 200 403    403    200    200   200    403
            GET /fhir/Observation/{assessment}-total        401  200  403    403    200    200   200    403
            GET /fhir/Observation/{check}-bp                401  200  403    403    200    200   200    403
            GET /fhir/Observation?patient={patient}         401  200  403    403    200    200   200    403
            GET /fhir/Encounter/{session}                   401  200  403    403    200    200   200    403
            GET /fhir/Encounter?patient={patient}           401  200  403    403    200    200   200    403
            GET /fhir/MedicationAdministration/{session}    401  200  403    403    200    200   200    403
            GET /fhir/MedicationAdministration?patient={patient} 401 200 403 403    200    200   200    403
            GET /fhir/CarePlan/{plan}                       401  200  403    403    200    200   200    403
            GET /fhir/CarePlan?patient={patient}            401  200  403    403    200    200   200    403
            GET /fhir/Flag/{alert}                          401  200  403    403    200    200   200    403
            GET /fhir/Flag?patient={patient}                401  200  403    403    200    200   200    403
            GET /fhir/OperationDefinition/Patient-i-everything 401 200 200 200  200    200   200    200
            GET /fhir/$export                               401  403  403    403    403    403   403    202
            GET /fhir/$export-poll-status?_jobId={job}      401  403  403    403    403    403   403    200
            GET /fhir/$export-file?_jobId={job}&_file=Patient.ndjson 401 403 403 403 403   403   403    200
            """;

    record Row(String path, Map<Caller, Integer> expected) {}

    /** One patient's ids, to fill a row's placeholders. */
    record Record(UUID patient, UUID assessment, UUID check, UUID session, UUID plan, UUID alert) {}

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    final Map<Caller, ClinicUser> callers = new EnumMap<>(Caller.class);
    Record own;
    Record other;
    UUID practitioner;
    String job;

    @BeforeAll
    void createCallersAndRecords() {
        var first = record(60);
        var second = record(70);
        own = first;
        other = second;
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var invitation = TestAccounts.runAs(intake, () -> context.getBean(Patients.class).invitePortalAccount(
                new org.kapclinic.patients.PatientId(own.patient())));
        var patient = TestAccounts.load(context, invitation.email());
        callers.put(Caller.PATIENT_OWN, patient);
        callers.put(Caller.PATIENT_OTHER, patient);
        callers.put(Caller.INTAKE_COORDINATOR, intake);
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        callers.put(Caller.THERAPIST, therapist);
        callers.put(Caller.NURSE, TestAccounts.create(context, Role.NURSE));
        callers.put(Caller.PRESCRIBER, TestAccounts.create(context, Role.PRESCRIBER));
        var admin = TestAccounts.create(context, Role.ADMIN);
        callers.put(Caller.ADMIN, admin);
        practitioner = therapist.id().value();
        var kickOff = FhirRequests.send(context, "GET", "/fhir/$export", admin, null, Map.of("Prefer", "respond-async"));
        assertThat(kickOff.getStatus()).isEqualTo(202);
        var location = kickOff.getHeader("Content-Location");
        job = location.substring(location.indexOf("_jobId=") + "_jobId=".length());
    }

    @AfterAll
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    /** A dosing patient with a nasal dose, a check, a PHQ-9, an open safety alert and an approved plan. */
    private Record record(int daysAhead) {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, daysAhead).cleared(context);
        TestAccounts.runAs(f.nurse(), () -> {
            var administrations = context.getBean(Administrations.class);
            administrations.prepare(f.session(), new AdministrationForm(Route.NASAL, new BigDecimal("56"), null, null,
                    f.esketamineLot(), null, f.nurse().displayName(), null));
            administrations.giveDevice(f.session());
            TestClock.INSTANCE.advance(Duration.ofMinutes(5));
            administrations.giveDevice(f.session());
            TestClock.INSTANCE.advance(Duration.ofMinutes(35));
            context.getBean(Monitoring.class).record(f.session(), new CheckForm(new Vitals(130, 82, 74, 97, 14), 5,
                    Dissociation.NONE, Map.of(), List.of(), null, null));
        });
        var assessment = TestAccounts.runAs(f.therapist(), () -> context.getBean(Assessments.class).recordByClinician(
                f.patient(), "gad7", Map.of("1", 1, "2", 1, "3", 1, "4", 1, "5", 1, "6", 1, "7", 1), null,
                Channel.CLINICIAN)).id().value();
        var alert = TestAccounts.runAs(f.prescriber(), () -> context.getBean(SafetyAlerts.class)
                .flag(f.patient(), false, "Synthetic matrix concern.")).value();
        var plan = PlanFixtures.approved(context, f.patient(), f.prescriber(), daysAhead + 5);
        var check = jdbc.sql("SELECT id FROM dosing_check WHERE session_id = :s AND systolic IS NOT NULL LIMIT 1")
                .param("s", f.session()).query(UUID.class).single();
        return new Record(f.patient().value(), assessment, check, f.session(), plan, alert);
    }

    static List<Row> rows() {
        return MATRIX.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(line -> {
            var cells = line.split("\\s+");
            var callers = Caller.values();
            if (cells.length != 2 + callers.length) {
                throw new IllegalStateException("A row needs GET, a path and " + callers.length + " statuses: " + line);
            }
            var expected = new EnumMap<Caller, Integer>(Caller.class);
            for (int i = 0; i < callers.length; i++) {
                expected.put(callers[i], Integer.valueOf(cells[i + 2]));
            }
            return new Row(cells[1], expected);
        }).toList();
    }

    @TestFactory
    Stream<DynamicContainer> eachCallerGetsTheExpectedStatusOnEveryFhirInteraction() {
        return rows().stream().map(row -> DynamicContainer.dynamicContainer(row.path(), Arrays.stream(Caller.values())
                .map(caller -> DynamicTest.dynamicTest(caller + " gets " + row.expected().get(caller), () -> {
                    // every call says it accepts an asynchronous answer, which only the bulk export needs
                    var response = FhirRequests.send(context, "GET", fill(row.path(), caller), callers.get(caller), null,
                            Map.of("Prefer", "respond-async"));
                    assertThat(response.getStatus()).as(caller + " " + row.path() + ": " + response.getContentAsString())
                            .isEqualTo(row.expected().get(caller));
                    if (response.getStatus() == 403 || response.getStatus() == 401) {
                        assertThat(response.getContentAsString()).doesNotContain("\"resourceType\":\"Patient\"");
                    }
                }))));
    }

    private String fill(String path, Caller caller) {
        var r = caller == Caller.PATIENT_OTHER ? other : own;
        return path.replace("{patient}", r.patient().toString()).replace("{assessment}", r.assessment().toString())
                .replace("{check}", r.check().toString()).replace("{session}", r.session().toString())
                .replace("{plan}", r.plan().toString()).replace("{alert}", r.alert().toString())
                .replace("{practitioner}", practitioner.toString()).replace("{job}", job);
    }
}
