// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResourceType;
import org.kapclinic.patients.PatientDemographics;
import org.springframework.stereotype.Component;

/**
 * The whole clinic as FHIR NDJSON, one file per resource type (Bulk Data format: one resource per line): Patient,
 * Practitioner, Questionnaire and every patient-compartment type. Patients are read in chunks of {@value #CHUNK}, each
 * chunk one query per type, so memory stays flat however large the clinic. Used by {@code $export} and by the full
 * data export. Access and audit are the caller's.
 */
@Component
class ClinicNdjson {

    static final int CHUNK = 500;

    static final List<ResourceType> TYPES;

    static {
        var types = new ArrayList<ResourceType>(List.of(ResourceType.Patient, ResourceType.Practitioner,
                ResourceType.Questionnaire));
        types.addAll(FhirRecords.COMPARTMENT);
        TYPES = List.copyOf(types);
    }

    private final FhirRecords records;
    private final PatientDemographics demographics;
    private final FhirContext context;
    private final FhirSettings settings;

    ClinicNdjson(FhirRecords records, PatientDemographics demographics, FhirContext context, FhirSettings settings) {
        this.records = records;
        this.demographics = demographics;
        this.context = context;
        this.settings = settings;
    }

    static String fileName(ResourceType type) {
        return type.name() + ".ndjson";
    }

    /** Writes every resource of this type, one JSON line each; returns how many. */
    long write(ResourceType type, StaffIndex staff, OutputStream out) throws IOException {
        var parser = context.newJsonParser().setPrettyPrint(false);
        long count = 0;
        if (type == ResourceType.Practitioner) {
            for (var a : staff.clinicians()) {
                line(parser.encodeResourceToString(PractitionerFhirMapper.map(a)), out);
                count++;
            }
            return count;
        }
        if (type == ResourceType.Questionnaire) {
            for (var i : records.instruments()) {
                line(parser.encodeResourceToString(QuestionnaireFhirMapper.map(i, settings)), out);
                count++;
            }
            return count;
        }
        UUID after = null;
        while (true) {
            var chunk = demographics.idsAfter(after, CHUNK);
            if (chunk.isEmpty()) {
                return count;
            }
            for (var found : records.load(type, chunk, staff)) {
                Resource r = found.resource();
                line(parser.encodeResourceToString(r), out);
                count++;
            }
            after = chunk.get(chunk.size() - 1);
        }
    }

    private static void line(String json, OutputStream out) throws IOException {
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
