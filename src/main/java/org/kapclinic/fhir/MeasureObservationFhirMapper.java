// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.assessments.AssessmentView;
import org.kapclinic.assessments.Instrument;

/**
 * A stored administration's results as R4 survey Observations, derived from its QuestionnaireResponse:
 * <ul>
 * <li>the score ({@code {assessment}-total}): the total as a {@code {score}} quantity, coded with the instrument's
 * LOINC total code where the data file has one (PHQ-9 44261-6, GAD-7 70274-6; REFERENCE.md 4.1, 4.2); C-SSRS and ASQ
 * have no total, so their result is the risk level as text (C-SSRS coded 93374-7, REFERENCE.md 4.5);</li>
 * <li>one item ({@code {assessment}-item-{id}}) per answer whose item has a LOINC code (PHQ-9, C-SSRS items).</li>
 * </ul>
 * Instruments without a confirmed LOINC code are coded in the clinic's own code system, never with an invented LOINC.
 */
final class MeasureObservationFhirMapper {

    private MeasureObservationFhirMapper() {}

    static List<Observation> map(AssessmentView a, Instrument instrument, FhirSettings settings) {
        var result = new ArrayList<Observation>();
        var total = base(a, a.id().value() + "-total");
        var loinc = instrument.loinc();
        if (a.total() != null) {
            total.setCode(code(loinc.get("total"), settings, instrument.code() + "-total",
                    instrument.name() + " total score"));
            total.setValue(FhirCodes.ucum(a.total(), "{score}", "{score}"));
            if (a.severity() != null) {
                total.addNote().setText("Severity: " + a.severity());
            }
            result.add(total);
        } else if (a.severity() != null) {
            total.setCode(code(loinc.get("riskLevel"), settings, instrument.code() + "-result",
                    instrument.name() + " result"));
            total.setValue(new CodeableConcept().setText(a.severity()));
            result.add(total);
        }
        var derivedFrom = new Reference("QuestionnaireResponse/" + a.id().value());
        total.addDerivedFrom(derivedFrom);
        for (var item : instrument.items()) {
            var value = a.answers().get(item.id());
            var itemLoinc = QuestionnaireFhirMapper.itemLoinc(instrument, item);
            if (value == null || itemLoinc.isEmpty()) {
                continue;
            }
            var obs = base(a, a.id().value() + "-item-" + item.id());
            obs.setCode(new CodeableConcept().addCoding(new Coding(FhirCodes.LOINC, itemLoinc.get(), null))
                    .setText(item.text()));
            obs.setValue(new IntegerType(value));
            obs.addDerivedFrom(derivedFrom);
            result.add(obs);
        }
        return result;
    }

    private static Observation base(AssessmentView a, String id) {
        var obs = new Observation();
        obs.setId(id);
        obs.setStatus(Observation.ObservationStatus.FINAL);
        obs.addCategory(FhirCodes.category(FhirCodes.OBSERVATION_CATEGORY, "survey", "Survey"));
        obs.setSubject(new Reference("Patient/" + a.patientId().value()));
        obs.setEffective(new org.hl7.fhir.r4.model.DateTimeType(Date.from(a.administeredAt())));
        obs.setIssued(Date.from(a.recordedAt()));
        return obs;
    }

    private static CodeableConcept code(String loinc, FhirSettings settings, String localCode, String display) {
        if (loinc != null) {
            return new CodeableConcept().addCoding(new Coding(FhirCodes.LOINC, loinc, null)).setText(display);
        }
        return FhirCodes.concept(settings.instrumentCodeSystem(), localCode, display);
    }
}
