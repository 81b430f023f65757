// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.safety.ActiveAlertRecords.ActiveAlert;

/**
 * An active (not yet acknowledged) safety alert as an R4 Flag in the "safety" category: the trigger in the clinic's
 * code system and the level in words. The alert's free-text summary is not sent.
 */
final class FlagFhirMapper {

    private FlagFhirMapper() {}

    static Flag map(ActiveAlert alert, FhirSettings settings) {
        var f = new Flag();
        f.setId(alert.id().value().toString());
        f.setStatus(Flag.FlagStatus.ACTIVE);
        f.addCategory(FhirCodes.concept(FhirCodes.FLAG_CATEGORY, "safety", "Safety"));
        f.setCode(new CodeableConcept().addCoding(new Coding(settings.alertTriggerCodeSystem(), alert.trigger(),
                alert.description())).setText("Safety alert (" + alert.level().label() + "): " + alert.description()));
        f.setSubject(new Reference("Patient/" + alert.patientId().value()));
        f.setPeriod(new Period().setStart(Date.from(alert.raisedAt())));
        return f;
    }
}
