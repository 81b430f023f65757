// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Practitioner (the clinic's therapists, nurses and prescribers): read and search by name, for staff. */
@Component
class PractitionerResourceProvider implements IResourceProvider {

    private final FhirAccess access;

    PractitionerResourceProvider(FhirAccess access) {
        this.access = access;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        access.requireType(ResourceType.Practitioner);
        var uuid = FhirIds.leadingUuid(id.getIdPart());
        var account = uuid == null ? null : access.staff().find(uuid).orElse(null);
        if (account == null) {
            throw new ResourceNotFoundException("Practitioner/" + id.getIdPart());
        }
        access.audit("FHIR_READ", ResourceType.Practitioner, id.getIdPart(), List.of(), "read");
        return PractitionerFhirMapper.map(account);
    }

    @Search
    public List<Practitioner> search(@OptionalParam(name = "name") @Nullable StringParam name) {
        access.requireType(ResourceType.Practitioner);
        var wanted = name == null ? "" : name.getValue().toLowerCase(java.util.Locale.ROOT);
        var found = access.staff().clinicians().stream()
                .filter(a -> a.displayName().toLowerCase(java.util.Locale.ROOT).contains(wanted))
                .map(PractitionerFhirMapper::map).toList();
        access.audit("FHIR_SEARCH", ResourceType.Practitioner, null, List.of(), "shown=" + found.size());
        return found;
    }
}
