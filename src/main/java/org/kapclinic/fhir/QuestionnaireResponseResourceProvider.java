// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** QuestionnaireResponse: read, and search by patient and {@code authored} date. */
@Component
class QuestionnaireResponseResourceProvider implements IResourceProvider {

    private final CompartmentQueries queries;

    QuestionnaireResponseResourceProvider(CompartmentQueries queries) {
        this.queries = queries;
    }

    @Override
    public Class<QuestionnaireResponse> getResourceType() {
        return QuestionnaireResponse.class;
    }

    @Read
    public QuestionnaireResponse read(@IdParam IdType id) {
        return (QuestionnaireResponse) queries.read(ResourceType.QuestionnaireResponse, id);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "patient") @Nullable ReferenceParam patient,
            @OptionalParam(name = "authored") @Nullable DateRangeParam date) {
        return queries.search(ResourceType.QuestionnaireResponse, patient, date, r -> true, CompartmentQueries.describe(patient, date));
    }
}
