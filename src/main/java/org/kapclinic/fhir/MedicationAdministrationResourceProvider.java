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
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** MedicationAdministration (one per dose): read, and search by patient and {@code effective-time}. */
@Component
class MedicationAdministrationResourceProvider implements IResourceProvider {

    private final CompartmentQueries queries;

    MedicationAdministrationResourceProvider(CompartmentQueries queries) {
        this.queries = queries;
    }

    @Override
    public Class<MedicationAdministration> getResourceType() {
        return MedicationAdministration.class;
    }

    @Read
    public MedicationAdministration read(@IdParam IdType id) {
        return (MedicationAdministration) queries.read(ResourceType.MedicationAdministration, id);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "patient") @Nullable ReferenceParam patient,
            @OptionalParam(name = "effective-time") @Nullable DateRangeParam date) {
        return queries.search(ResourceType.MedicationAdministration, patient, date, r -> true, CompartmentQueries.describe(patient, date));
    }
}
