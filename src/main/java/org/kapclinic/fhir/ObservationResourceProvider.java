// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Observation (scores, coded items, vital signs): read, and search by patient, date, code and category. */
@Component
class ObservationResourceProvider implements IResourceProvider {

    private final CompartmentQueries queries;

    ObservationResourceProvider(CompartmentQueries queries) {
        this.queries = queries;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        return (Observation) queries.read(ResourceType.Observation, id);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "patient") @Nullable ReferenceParam patient,
            @OptionalParam(name = "date") @Nullable DateRangeParam date,
            @OptionalParam(name = "code") @Nullable TokenOrListParam code,
            @OptionalParam(name = "category") @Nullable TokenOrListParam category) {
        return queries.search(ResourceType.Observation, patient, date, r -> {
            var o = (Observation) r;
            return matches(o.getCode(), code) && o.getCategory().stream().anyMatch(c -> matches(c, category));
        }, CompartmentQueries.describe(patient, date) + (code == null ? "" : " code")
                + (category == null ? "" : " category"));
    }

    /** True when no token is asked for, or a coding matches one (system|code, or code alone). */
    static boolean matches(CodeableConcept concept, @Nullable TokenOrListParam tokens) {
        if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
            return true;
        }
        return tokens.getValuesAsQueryTokens().stream().anyMatch(t -> concept.getCoding().stream().anyMatch(c ->
                c.getCode() != null && c.getCode().equals(t.getValue())
                        && (t.getSystem() == null || t.getSystem().isEmpty() || t.getSystem().equals(c.getSystem()))));
    }
}
