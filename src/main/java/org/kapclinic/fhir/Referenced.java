// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Base;

/** The Questionnaires and Practitioners a set of resources refers to, for $everything (a self-contained record). */
final class Referenced {

    private Referenced() {}

    static List<Resource> questionnairesAndPractitioners(List<Resource> resources, FhirRecords records,
            StaffIndex staff, FhirSettings settings) {
        var instruments = new LinkedHashSet<String>();
        var practitioners = new LinkedHashSet<UUID>();
        for (var r : resources) {
            if (r instanceof QuestionnaireResponse qr) {
                var url = qr.getQuestionnaire();
                instruments.add(url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\|.*$", ""));
            }
            collect(r, practitioners);
        }
        var out = new ArrayList<Resource>();
        instruments.forEach(code -> records.instrument(code)
                .ifPresent(i -> out.add(QuestionnaireFhirMapper.map(i, settings))));
        practitioners.forEach(id -> staff.find(id).ifPresent(a -> out.add(PractitionerFhirMapper.map(a))));
        return out;
    }

    private static void collect(Base element, LinkedHashSet<UUID> practitioners) {
        if (element instanceof Reference ref && ref.getReference() != null
                && ref.getReference().startsWith("Practitioner/")) {
            var id = FhirIds.leadingUuid(ref.getReference().substring("Practitioner/".length()));
            if (id != null) {
                practitioners.add(id);
            }
        }
        element.children().forEach(p -> p.getValues().forEach(v -> collect(v, practitioners)));
    }
}
