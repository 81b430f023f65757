// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Quantity;

/** Code systems and units of the base R4 specification that the mappers share. */
final class FhirCodes {

    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
    static final String DISCHARGE_DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
    static final String VITAL_SIGNS_PROFILE = "http://hl7.org/fhir/StructureDefinition/";

    private FhirCodes() {}

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display)).setText(display);
    }

    static CodeableConcept category(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    static Quantity ucum(Number value, String code, String unit) {
        var q = new Quantity().setUnit(unit).setSystem(UCUM).setCode(code);
        q.setValue(new java.math.BigDecimal(value.toString()));
        return q;
    }
}
