// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.kapclinic.dosing.DosingRecords.SessionRecord;
import org.kapclinic.dosing.Route;

/**
 * A dosing session's dose as an R4 MedicationAdministration ({@code id} = the session's): the medication as text
 * (REFERENCE.md gives no RxNorm code) in a contained Medication that carries the lot and its expiry, the dose in mg,
 * the route (SNOMED CT route codes), who gave it (the patient for self-administered nasal devices) and the session's
 * Encounter as context. Only sessions where a dose was given (or is being given) have one.
 */
final class MedicationAdministrationFhirMapper {

    private MedicationAdministrationFhirMapper() {}

    static boolean hasDose(SessionRecord s) {
        return s.route() != null && s.doseMg() != null && s.doseStartedAt() != null && s.status().dosed();
    }

    static MedicationAdministration map(SessionRecord s, StaffIndex staff) {
        var route = s.route();
        var ma = new MedicationAdministration();
        ma.setId(s.id().toString());
        ma.setStatus(s.doseEndedAt() == null && s.status() == org.kapclinic.dosing.SessionStatus.DOSING
                ? MedicationAdministration.MedicationAdministrationStatus.INPROGRESS
                : MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        var medication = new Medication();
        medication.setId("medication");
        medication.setCode(new CodeableConcept().setText(route.esketamine() ? "Esketamine" : "Ketamine"));
        if (s.lotNumber() != null) {
            medication.getBatch().setLotNumber(s.lotNumber());
            if (s.lotExpiry() != null) {
                medication.getBatch().setExpirationDateElement(new DateTimeType(s.lotExpiry().toString()));
            }
        }
        ma.addContained(medication);
        ma.setMedication(new Reference("#medication"));
        ma.setSubject(new Reference("Patient/" + s.patientId().value()));
        ma.setContext(new Reference("Encounter/" + s.id()));
        if (s.doseEndedAt() != null) {
            ma.setEffective(new Period().setStart(Date.from(s.doseStartedAt())).setEnd(Date.from(s.doseEndedAt())));
        } else {
            ma.setEffective(new DateTimeType(Date.from(s.doseStartedAt())));
        }
        var performer = performer(s, staff);
        if (performer != null) {
            ma.addPerformer().setActor(performer);
        }
        var dosage = ma.getDosage();
        dosage.setText(route.label() + " " + s.doseMg().stripTrailingZeros().toPlainString() + " mg"
                + (s.mgPerKg() == null ? "" : " (" + s.mgPerKg().stripTrailingZeros().toPlainString() + " mg/kg)")
                + (s.infusionMinutes() == null ? "" : " over " + s.infusionMinutes() + " min"));
        dosage.setRoute(routeCode(route));
        dosage.setDose(FhirCodes.ucum(s.doseMg(), "mg", "mg"));
        return ma;
    }

    private static @Nullable Reference performer(SessionRecord s, StaffIndex staff) {
        if (s.route() == Route.NASAL) {
            return new Reference("Patient/" + s.patientId().value()).setDisplay("Self-administered (observed)");
        }
        return s.administeredBy() == null || s.administeredBy().isBlank() ? null
                : staff.referenceByName(s.administeredBy());
    }

    /** SNOMED CT route codes (the R4 route-codes example value set). */
    static CodeableConcept routeCode(Route route) {
        var coding = switch (route) {
            case NASAL -> new Coding(FhirCodes.SNOMED, "46713006", "Nasal route");
            case IV -> new Coding(FhirCodes.SNOMED, "47625008", "Intravenous route");
            case IM -> new Coding(FhirCodes.SNOMED, "78421000", "Intramuscular route");
            case SUBLINGUAL -> new Coding(FhirCodes.SNOMED, "37839007", "Sublingual route");
            case ORAL -> new Coding(FhirCodes.SNOMED, "26643006", "Oral route");
        };
        return new CodeableConcept().addCoding(coding).setText(coding.getDisplay());
    }
}
