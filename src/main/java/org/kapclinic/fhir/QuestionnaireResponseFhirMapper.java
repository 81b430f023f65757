// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.assessments.AssessmentView;
import org.kapclinic.assessments.Channel;
import org.kapclinic.assessments.Instrument;

/**
 * A stored administration as an R4 QuestionnaireResponse linked to its Questionnaire's canonical URL and version.
 * The patient is the source when they answered themselves (link, kiosk, portal); the clinician who recorded it is the
 * author otherwise.
 */
final class QuestionnaireResponseFhirMapper {

    private QuestionnaireResponseFhirMapper() {}

    static QuestionnaireResponse map(AssessmentView a, Instrument instrument, FhirSettings settings, StaffIndex staff) {
        var qr = new QuestionnaireResponse();
        qr.setId(a.id().value().toString());
        qr.setQuestionnaire(settings.questionnaireUrl(instrument.code()) + "|" + a.instrumentVersion());
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        var patient = new Reference("Patient/" + a.patientId().value());
        qr.setSubject(patient);
        qr.setAuthored(Date.from(a.administeredAt()));
        if (a.channel() == Channel.CLINICIAN || a.channel() == Channel.API) {
            qr.setAuthor(staff.referenceByName(a.recordedBy()));
        } else {
            qr.setSource(new Reference("Patient/" + a.patientId().value()));
        }
        for (var item : instrument.items()) {
            var value = a.answers().get(item.id());
            if (value != null) {
                qr.addItem().setLinkId(item.id()).setText(item.text()).addAnswer().setValue(new IntegerType(value));
            }
        }
        return qr;
    }
}
