// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.safety.SafetyAlerts;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every resource type and shape the FHIR server emits, built from the modules' own entry points and validated against
 * base R4 with HAPI's instance validator (one shared instance, {@link R4Validator}), with zero errors: each
 * Questionnaire, a QuestionnaireResponse of each instrument, each Observation kind (score, coded item, result level,
 * each vital sign), both Encounter kinds, a nasal and an IV MedicationAdministration, a CarePlan, a Flag, the Patient
 * and the Practitioners.
 */
@ClinicIntegrationTest
class FhirValidationTests {

    /** Complete answers for every instrument of the catalogue. */
    static final Map<String, Map<String, Integer>> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("phq9", numbered(9, 1));
        ANSWERS.put("gad7", numbered(7, 2));
        ANSWERS.put("madrs", numbered(10, 3));
        ANSWERS.put("qids-sr16", numbered(16, 1));
        ANSWERS.put("moaas", Map.of("1", 5));
        ANSWERS.put("mood", Map.of("1", 6));
        ANSWERS.put("dissociation", Map.of("1", 1));
        ANSWERS.put("asq", Map.of("1", 0, "2", 0, "3", 0, "4", 0, "5", 0));
        ANSWERS.put("cssrs", Map.of("1", 1, "2", 1, "3", 0, "4", 0, "5", 0, "6", 0));
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    FhirRecords records;

    @Autowired
    FhirSettings settings;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void everyResourceShapeTheServerEmitsValidatesAgainstBaseR4WithoutErrors() {
        var esketamine = DosingFixture.open(context, Modality.ESKETAMINE, 40).cleared(context);
        var nurse = esketamine.nurse();
        var administrations = context.getBean(Administrations.class);
        var monitoring = context.getBean(Monitoring.class);
        TestAccounts.runAs(nurse, () -> {
            administrations.prepare(esketamine.session(), new AdministrationForm(Route.NASAL, new BigDecimal("56"),
                    null, null, esketamine.esketamineLot(), null, nurse.displayName(), null));
            administrations.giveDevice(esketamine.session());
            TestClock.INSTANCE.advance(Duration.ofMinutes(5));
            administrations.giveDevice(esketamine.session());
            TestClock.INSTANCE.advance(Duration.ofMinutes(35));
            monitoring.record(esketamine.session(), new CheckForm(new Vitals(136, 84, 76, 97, 14), 4,
                    Dissociation.MILD, Map.of(), List.of(), null, null));
        });
        var patient = esketamine.patient();
        var assessments = context.getBean(Assessments.class);
        TestAccounts.runAs(esketamine.therapist(), () -> ANSWERS.forEach((instrument, answers) ->
                assessments.recordByClinician(patient, instrument, answers, null,
                        instrument.equals("phq9") ? Channel.KIOSK : Channel.CLINICIAN)));
        var appointments = context.getBean(Appointments.class);
        var day = PlanFixtures.businessDayAfter(context, 45);
        TestAccounts.runAs(esketamine.prescriber(), () -> {
            appointments.book(new Appointments.NewAppointment(patient, AppointmentType.INTEGRATION, null,
                    esketamine.location(), null, null, esketamine.therapist().id().value(), day, LocalTime.of(10, 0),
                    null));
            var cancelled = appointments.book(new Appointments.NewAppointment(patient, AppointmentType.THERAPY, null,
                    esketamine.location(), null, null, null, day, LocalTime.of(14, 0), null));
            appointments.cancel(cancelled.id(), "Synthetic: patient asked to move it");
            context.getBean(SafetyAlerts.class).flag(patient, false, "Synthetic concern for validation.");
        });

        var iv = DosingFixture.open(context, Modality.IV_KETAMINE, 50).cleared(context);
        TestAccounts.runAs(iv.nurse(), () -> {
            administrations.prepare(iv.session(), new AdministrationForm(Route.IV, null, new BigDecimal("0.5"), 40,
                    iv.ketamineLot(), null, "Observer Nurse", null));
            administrations.start(iv.session());
            TestClock.INSTANCE.advance(Duration.ofMinutes(10));
            monitoring.record(iv.session(), new CheckForm(new Vitals(128, 80, 70, 98, 15), 5, Dissociation.NONE,
                    Map.of(), List.of(), null, null));
        });
        var planned = CareTeamFixture.create(context);
        PlanFixtures.approved(context, planned.patient(), planned.prescriber());

        var patients = List.of(patient.value(), iv.patient().value(), planned.patient().value());
        var emitted = new ArrayList<Resource>();
        TestAccounts.runAs(nurse, () -> {
            var staff = StaffIndex.load(context.getBean(org.kapclinic.security.UserAccounts.class));
            records.instruments().forEach(i -> {
                var q = QuestionnaireFhirMapper.map(i, settings);
                R4Validator.register(q);
                emitted.add(q);
            });
            staff.clinicians().forEach(a -> emitted.add(PractitionerFhirMapper.map(a)));
            records.load(ResourceType.Patient, patients, staff).forEach(f -> emitted.add(f.resource()));
            FhirRecords.COMPARTMENT.forEach(type -> records.load(type, patients, staff)
                    .forEach(f -> emitted.add(f.resource())));
        });

        assertThat(shapes(emitted)).containsAll(List.of("Questionnaire phq9", "Questionnaire cssrs",
                "Questionnaire qids-sr16", "Questionnaire moaas", "QuestionnaireResponse phq9",
                "QuestionnaireResponse madrs", "Observation survey 44261-6", "Observation survey 44260-8",
                "Observation survey 70274-6", "Observation survey 93374-7", "Observation survey 93246-7",
                "Observation survey madrs-total", "Observation survey asq-result", "Observation vital-signs 85354-9",
                "Observation vital-signs 8867-4", "Observation vital-signs 2708-6", "Observation vital-signs 9279-1",
                "Encounter dosing", "Encounter appointment", "MedicationAdministration 46713006",
                "MedicationAdministration 47625008", "CarePlan", "Flag", "Patient", "Practitioner"));
        assertThat(shapes(emitted)).filteredOn(s -> s.startsWith("Questionnaire ")).hasSize(records.instruments().size());

        var errors = new TreeSet<String>();
        for (var resource : emitted) {
            R4Validator.errors(resource).forEach(e -> errors.add(resource.fhirType() + "/"
                    + resource.getIdElement().getIdPart() + " " + e));
        }
        assertThat(errors).as("validation errors").isEmpty();
    }

    @Test
    void theValidatorCatchesAnIncompleteObservationAndAnAnswerTheQuestionnaireDoesNotAllow() {
        var incomplete = new Observation();
        incomplete.setId("broken");
        assertThat(R4Validator.errors(incomplete)).isNotEmpty();

        var phq9 = TestAccounts.runAs(TestAccounts.create(context, org.kapclinic.security.Role.NURSE),
                () -> records.instrument("phq9")).orElseThrow();
        var questionnaire = QuestionnaireFhirMapper.map(phq9, settings);
        R4Validator.register(questionnaire);
        var response = new org.hl7.fhir.r4.model.QuestionnaireResponse();
        response.setId("wrong-answer");
        response.setStatus(org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setQuestionnaire(questionnaire.getUrl() + "|" + questionnaire.getVersion());
        response.addItem().setLinkId("1").setText(phq9.items().get(0).text()).addAnswer()
                .setValue(new org.hl7.fhir.r4.model.IntegerType(7)); // no such option: 0-3
        assertThat(R4Validator.errors(response)).isNotEmpty();
    }

    /** What kind of thing each resource is, to check that every shape was made. */
    static List<String> shapes(List<Resource> resources) {
        var shapes = new ArrayList<String>();
        for (var r : resources) {
            if (r instanceof org.hl7.fhir.r4.model.Questionnaire q) {
                shapes.add("Questionnaire " + q.getIdElement().getIdPart());
            } else if (r instanceof org.hl7.fhir.r4.model.QuestionnaireResponse qr) {
                shapes.add("QuestionnaireResponse " + qr.getQuestionnaire().replaceAll("^.*/|\\|.*$", ""));
            } else if (r instanceof Observation o) {
                shapes.add("Observation " + o.getCategoryFirstRep().getCodingFirstRep().getCode() + " "
                        + o.getCode().getCodingFirstRep().getCode());
            } else if (r instanceof Encounter e) {
                shapes.add("Encounter " + (e.getTypeFirstRep().getText().startsWith("Dosing") ? "dosing" : "appointment"));
            } else if (r instanceof MedicationAdministration m) {
                shapes.add("MedicationAdministration " + m.getDosage().getRoute().getCodingFirstRep().getCode());
            } else {
                shapes.add(r.fhirType());
            }
        }
        return shapes;
    }

    private static Map<String, Integer> numbered(int items, int value) {
        var answers = new LinkedHashMap<String, Integer>();
        for (int i = 1; i <= items; i++) {
            answers.put(String.valueOf(i), value);
        }
        return answers;
    }

}
