// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.io.IOException;
import org.kapclinic.export.ExportContribution;
import org.kapclinic.security.UserAccounts;
import org.springframework.stereotype.Component;

/**
 * The FHIR part of the full data export: folder {@code fhir/} with one NDJSON file per resource type for the whole
 * clinic, the same content as {@code $export}. The export module checks the admin role and audits the export.
 */
@Component
class FhirExportContribution implements ExportContribution {

    private final ClinicNdjson ndjson;
    private final UserAccounts accounts;

    FhirExportContribution(ClinicNdjson ndjson, UserAccounts accounts) {
        this.ndjson = ndjson;
        this.accounts = accounts;
    }

    @Override
    public String folder() {
        return "fhir";
    }

    private StaffIndex staff() {
        try {
            return StaffIndex.load(accounts);
        } catch (org.springframework.security.core.AuthenticationException noSignedInUser) {
            // an export run without a signed-in admin (a command-line verb): references name clinicians by text only
            return StaffIndex.none();
        }
    }

    @Override
    public void writeTo(Files files) throws IOException {
        var staff = staff();
        for (var type : ClinicNdjson.TYPES) {
            files.add(ClinicNdjson.fileName(type), out -> ndjson.write(type, staff, out));
        }
    }
}
