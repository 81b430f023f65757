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
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** CarePlan (treatment plans): read, and search by patient and {@code date} (the plan's start). */
@Component
class CarePlanResourceProvider implements IResourceProvider {

    private final CompartmentQueries queries;

    CarePlanResourceProvider(CompartmentQueries queries) {
        this.queries = queries;
    }

    @Override
    public Class<CarePlan> getResourceType() {
        return CarePlan.class;
    }

    @Read
    public CarePlan read(@IdParam IdType id) {
        return (CarePlan) queries.read(ResourceType.CarePlan, id);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "patient") @Nullable ReferenceParam patient,
            @OptionalParam(name = "date") @Nullable DateRangeParam date) {
        return queries.search(ResourceType.CarePlan, patient, date, r -> true, CompartmentQueries.describe(patient, date));
    }
}
