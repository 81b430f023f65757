// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Questionnaire (the instrument catalogue; no patient data): read by instrument code and search by url. */
@Component
class QuestionnaireResourceProvider implements IResourceProvider {

    private final FhirAccess access;
    private final FhirRecords records;
    private final FhirSettings settings;

    QuestionnaireResourceProvider(FhirAccess access, FhirRecords records, FhirSettings settings) {
        this.access = access;
        this.records = records;
        this.settings = settings;
    }

    @Override
    public Class<Questionnaire> getResourceType() {
        return Questionnaire.class;
    }

    @Read
    public Questionnaire read(@IdParam IdType id) {
        access.requireType(ResourceType.Questionnaire);
        var instrument = records.instrument(id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException("Questionnaire/" + id.getIdPart()));
        access.audit("FHIR_READ", ResourceType.Questionnaire, id.getIdPart(), List.of(), "read");
        return QuestionnaireFhirMapper.map(instrument, settings);
    }

    @Search
    public List<Questionnaire> search(@OptionalParam(name = "url") @Nullable UriParam url) {
        access.requireType(ResourceType.Questionnaire);
        var found = records.instruments().stream().map(i -> QuestionnaireFhirMapper.map(i, settings))
                .filter(q -> url == null || q.getUrl().equals(url.getValue().replaceFirst("\\|.*$", ""))).toList();
        access.audit("FHIR_SEARCH", ResourceType.Questionnaire, null, List.of(), "shown=" + found.size());
        return found;
    }
}
