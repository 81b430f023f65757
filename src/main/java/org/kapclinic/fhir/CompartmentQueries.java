// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.springframework.stereotype.Component;

/**
 * Read and search for the types in a patient's compartment, shared by their resource providers. A read finds the
 * owning patient from the id, opens that record as the pages would (403 outside the caller's access, 404 unknown) and
 * audits; a search is always about one patient ({@code patient=Patient/{id}}; a patient may leave it out for their
 * own), filtered by date, and audited page by page ({@link AuditedBundle}).
 */
@Component
class CompartmentQueries {

    private final FhirAccess access;
    private final FhirRecords records;

    CompartmentQueries(FhirAccess access, FhirRecords records) {
        this.access = access;
        this.records = records;
    }

    Resource read(ResourceType type, IdType id) {
        access.requireType(type);
        var owner = records.ownerOf(type, id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(type.name() + "/" + id.getIdPart()));
        access.open(owner, false);
        var found = records.load(type, List.of(owner.value()), access.staff()).stream()
                .filter(f -> f.resource().getIdElement().getIdPart().equals(id.getIdPart())).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(type.name() + "/" + id.getIdPart()));
        access.audit("FHIR_READ", type, id.getIdPart(), List.of(owner.value()), "read");
        return found.resource();
    }

    IBundleProvider search(ResourceType type, @Nullable ReferenceParam patient, @Nullable DateRangeParam date,
            Predicate<Resource> filter, String query) {
        access.requireType(type);
        var record = patientOf(patient);
        access.open(record, true);
        var found = records.load(type, List.of(record.value()), access.staff()).stream()
                .filter(f -> filter.test(f.resource()) && within(f, date)).toList();
        return new AuditedBundle(found, access.user().email(), type, query, access);
    }

    /** The patient a search names, or the signed-in patient's own record when a patient names none. */
    PatientId patientOf(@Nullable ReferenceParam patient) {
        if (patient == null) {
            if (access.isPatient()) {
                return access.ownRecord();
            }
            throw new InvalidRequestException("Search one patient's records: add patient=Patient/{id}.");
        }
        if (patient.getChain() != null || (patient.getResourceType() != null
                && !"Patient".equals(patient.getResourceType()))) {
            throw new InvalidRequestException("The patient parameter takes Patient/{id}, without a chain.");
        }
        var uuid = FhirIds.leadingUuid(patient.getIdPart());
        if (uuid == null || patient.getIdPart().length() != 36) {
            throw new InvalidRequestException("No patient with the id " + patient.getIdPart() + ".");
        }
        return new PatientId(uuid);
    }

    static boolean within(FhirRecords.Found f, @Nullable DateRangeParam date) {
        if (date == null || date.isEmpty()) {
            return true;
        }
        if (f.at() == null) {
            return false;
        }
        var at = java.util.Date.from(f.at());
        var lower = date.getLowerBoundAsInstant();
        var upper = date.getUpperBoundAsInstant();
        return (lower == null || !at.before(lower)) && (upper == null || !at.after(upper));
    }

    static String describe(@Nullable ReferenceParam patient, @Nullable DateRangeParam date) {
        return "patient=" + (patient == null ? "own" : patient.getIdPart())
                + (date == null || date.isEmpty() ? "" : " date=" + date.getValuesAsQueryTokens().stream()
                        .map(d -> d.getValueAsQueryToken(null)).toList());
    }
}
