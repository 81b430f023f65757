// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.dosing.DosingRecords.CheckRecord;

/**
 * A dosing check's readings as R4 vital-sign Observations that claim and meet the base R4 vital signs profiles
 * (http://hl7.org/fhir/R4/observation-vitalsigns.html): category vital-signs, LOINC code, UCUM quantity. Blood
 * pressure is the panel 85354-9 with systolic 8480-6 and diastolic 8462-4 components in mm[Hg]; heart rate 8867-4 and
 * respiratory rate 9279-1 in /min; oxygen saturation 2708-6 with the pulse-oximetry code 59408-5 beside it, in %.
 * Ids are {@code {check}-bp}, {@code -hr}, {@code -spo2}, {@code -rr}; each links its dosing-session Encounter.
 */
final class VitalSignsFhirMapper {

    private VitalSignsFhirMapper() {}

    static List<Observation> map(CheckRecord check) {
        var result = new ArrayList<Observation>();
        var v = check.vitals();
        if (v.systolic() != null && v.diastolic() != null) {
            var bp = base(check, "bp", "bp", "85354-9", "Blood pressure panel with all children optional");
            bp.addComponent().setCode(loinc("8480-6", "Systolic blood pressure"))
                    .setValue(FhirCodes.ucum(v.systolic(), "mm[Hg]", "mmHg"));
            bp.addComponent().setCode(loinc("8462-4", "Diastolic blood pressure"))
                    .setValue(FhirCodes.ucum(v.diastolic(), "mm[Hg]", "mmHg"));
            result.add(bp);
        }
        if (v.heartRate() != null) {
            result.add(base(check, "hr", "heartrate", "8867-4", "Heart rate")
                    .setValue(FhirCodes.ucum(v.heartRate(), "/min", "beats/minute")));
        }
        if (v.spo2() != null) {
            var spo2 = base(check, "spo2", "oxygensat", "2708-6", "Oxygen saturation in Arterial blood");
            spo2.getCode().addCoding(new Coding(FhirCodes.LOINC, "59408-5",
                    "Oxygen saturation in Arterial blood by Pulse oximetry"));
            result.add(spo2.setValue(FhirCodes.ucum(v.spo2(), "%", "%")));
        }
        if (v.respRate() != null) {
            result.add(base(check, "rr", "resprate", "9279-1", "Respiratory rate")
                    .setValue(FhirCodes.ucum(v.respRate(), "/min", "breaths/minute")));
        }
        return result;
    }

    private static Observation base(CheckRecord check, String suffix, String profile, String code, String display) {
        var obs = new Observation();
        obs.setId(check.id() + "-" + suffix);
        obs.getMeta().addProfile(FhirCodes.VITAL_SIGNS_PROFILE + profile);
        obs.setStatus(Observation.ObservationStatus.FINAL);
        obs.addCategory(FhirCodes.category(FhirCodes.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs"));
        obs.setCode(loinc(code, display));
        obs.setSubject(new Reference("Patient/" + check.patientId().value()));
        obs.setEncounter(new Reference("Encounter/" + check.sessionId()));
        obs.setEffective(new DateTimeType(Date.from(check.takenAt())));
        return obs;
    }

    private static CodeableConcept loinc(String code, String display) {
        return new CodeableConcept().addCoding(new Coding(FhirCodes.LOINC, code, display)).setText(display);
    }
}
