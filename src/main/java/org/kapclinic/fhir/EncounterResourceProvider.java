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
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Encounter (dosing sessions and other appointments): read, and search by patient and {@code date}. */
@Component
class EncounterResourceProvider implements IResourceProvider {

    private final CompartmentQueries queries;

    EncounterResourceProvider(CompartmentQueries queries) {
        this.queries = queries;
    }

    @Override
    public Class<Encounter> getResourceType() {
        return Encounter.class;
    }

    @Read
    public Encounter read(@IdParam IdType id) {
        return (Encounter) queries.read(ResourceType.Encounter, id);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "patient") @Nullable ReferenceParam patient,
            @OptionalParam(name = "date") @Nullable DateRangeParam date) {
        return queries.search(ResourceType.Encounter, patient, date, r -> true, CompartmentQueries.describe(patient, date));
    }
}
