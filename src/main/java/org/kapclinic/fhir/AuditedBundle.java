// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ResourceType;

/**
 * A search's results, kept by HAPI's paging provider between pages. Each page served writes the audit entries for
 * the patients on that page (so a search of 50 patients' resources audits each patient once per page it appears on),
 * and only the user who searched may fetch its later pages ({@link OwnedPagingProvider}).
 */
class AuditedBundle extends SimpleBundleProvider {

    private final List<FhirRecords.Found> found;
    private final String owner;
    private final ResourceType type;
    private final String query;
    private final FhirAccess access;

    AuditedBundle(List<FhirRecords.Found> found, String owner, ResourceType type, String query, FhirAccess access) {
        super(found.stream().map(f -> (IBaseResource) f.resource()).toList());
        this.found = List.copyOf(found);
        this.owner = owner;
        this.type = type;
        this.query = query;
        this.access = access;
    }

    String owner() {
        return owner;
    }

    @Override
    public List<IBaseResource> getResources(int from, int to, ResponsePage.ResponsePageBuilder page) {
        var resources = super.getResources(from, to, page);
        var patients = new LinkedHashSet<UUID>();
        found.subList(Math.max(0, Math.min(from, found.size())), Math.max(0, Math.min(to, found.size())))
                .forEach(f -> patients.add(f.patient()));
        access.audit("FHIR_SEARCH", type, null, patients, query + " from=" + from + " shown=" + resources.size()
                + " of=" + found.size());
        return resources;
    }
}
