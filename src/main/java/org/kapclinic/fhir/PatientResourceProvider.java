// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.springframework.stereotype.Component;

/**
 * Patient: read, search (name, identifier = MRN, birthdate or _id, through the pages' patient search and its access
 * scope; a patient finds only themselves) and {@code $everything}, a searchset Bundle with the patient, every resource
 * of their compartment, and the Questionnaires and Practitioners those refer to.
 */
@Component
class PatientResourceProvider implements IResourceProvider {

    /** A staff search returns at most this many patients; narrow it by name, MRN or birth date for more. */
    static final int MAX_SEARCH_RESULTS = 200;

    private final FhirAccess access;
    private final FhirRecords records;
    private final Patients patients;
    private final FhirSettings settings;

    PatientResourceProvider(FhirAccess access, FhirRecords records, Patients patients, FhirSettings settings) {
        this.access = access;
        this.records = records;
        this.patients = patients;
        this.settings = settings;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        access.requireType(ResourceType.Patient);
        var uuid = FhirIds.leadingUuid(id.getIdPart());
        if (uuid == null || id.getIdPart().length() != 36) {
            throw new ResourceNotFoundException("Patient/" + id.getIdPart());
        }
        access.open(new PatientId(uuid), false);
        var found = records.load(ResourceType.Patient, List.of(uuid), access.staff());
        access.audit("FHIR_READ", ResourceType.Patient, uuid.toString(), List.of(uuid), "read");
        return (Patient) found.get(0).resource();
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "_id") @Nullable TokenParam id,
            @OptionalParam(name = "name") @Nullable StringParam name,
            @OptionalParam(name = "identifier") @Nullable TokenParam identifier,
            @OptionalParam(name = "birthdate") @Nullable DateParam birthdate) {
        access.requireType(ResourceType.Patient);
        var ids = new LinkedHashSet<UUID>();
        if (access.isPatient()) {
            ids.add(access.ownRecord().value());
        } else if (id != null) {
            var uuid = FhirIds.leadingUuid(id.getValue());
            if (uuid == null) {
                throw new InvalidRequestException("_id: not a patient id.");
            }
            access.open(new PatientId(uuid), true);
            ids.add(uuid);
        } else {
            ids.addAll(staffSearch(query(name, identifier, birthdate)));
        }
        var found = records.load(ResourceType.Patient, ids, access.staff()).stream()
                .filter(f -> id == null || f.patient().toString().equals(id.getValue()))
                .filter(f -> identifier == null || ((Patient) f.resource()).getIdentifierFirstRep().getValue()
                        .equalsIgnoreCase(identifier.getValue()))
                .filter(f -> birthdate == null || ((Patient) f.resource()).getBirthDateElement().getValueAsString()
                        .equals(birthdate.getValueAsString()))
                .toList();
        return new AuditedBundle(found, access.user().email(), ResourceType.Patient,
                "Patient search" + (name == null ? "" : " name") + (identifier == null ? "" : " identifier")
                        + (birthdate == null ? "" : " birthdate") + (id == null ? "" : " _id"), access);
    }

    @Operation(name = "$everything", idempotent = true)
    public Bundle everything(@IdParam IdType id) {
        var uuid = FhirIds.leadingUuid(id.getIdPart());
        if (uuid == null || id.getIdPart().length() != 36) {
            throw new ResourceNotFoundException("Patient/" + id.getIdPart());
        }
        // the whole record is clinical: intake coordinators, who see demographics only, may not ask for it
        access.requireType(ResourceType.Observation);
        access.open(new PatientId(uuid), false);
        var staff = access.staff();
        var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        var everything = new ArrayList<org.hl7.fhir.r4.model.Resource>();
        records.load(ResourceType.Patient, List.of(uuid), staff).forEach(f -> everything.add(f.resource()));
        var counts = new StringBuilder();
        for (var type : FhirRecords.COMPARTMENT) {
            var found = records.load(type, List.of(uuid), staff);
            found.forEach(f -> everything.add(f.resource()));
            counts.append(' ').append(type.name()).append('=').append(found.size());
        }
        everything.addAll(Referenced.questionnairesAndPractitioners(everything, records, staff, settings));
        everything.forEach(r -> bundle.addEntry().setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart())
                .setResource(r).getSearch().setMode(r.getIdElement().getIdPart().equals(uuid.toString())
                        && r instanceof Patient ? Bundle.SearchEntryMode.MATCH : Bundle.SearchEntryMode.INCLUDE));
        bundle.setTotal(1);
        access.audit("FHIR_EVERYTHING", ResourceType.Patient, uuid.toString(), List.of(uuid), counts.toString().trim());
        return bundle;
    }

    /** A search as the patient pages do it: one term (MRN, birth date or name), within the caller's scope. */
    private List<UUID> staffSearch(@Nullable String query) {
        var ids = new ArrayList<UUID>();
        for (int page = 0; ids.size() < MAX_SEARCH_RESULTS; page++) {
            var result = patients.search(query, false, page);
            result.patients().forEach(p -> ids.add(p.id().value()));
            if (!result.hasNext()) {
                break;
            }
        }
        return ids.size() > MAX_SEARCH_RESULTS ? ids.subList(0, MAX_SEARCH_RESULTS) : ids;
    }

    private static @Nullable String query(@Nullable StringParam name, @Nullable TokenParam identifier,
            @Nullable DateParam birthdate) {
        if (identifier != null) {
            return identifier.getValue();
        }
        if (birthdate != null) {
            return birthdate.getValueAsString();
        }
        return name == null ? null : name.getValue();
    }
}
