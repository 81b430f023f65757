// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A part of the full data export that is not a table, such as the FHIR NDJSON. Each contribution writes its files
 * under its own folder of the export's zip. The import restores the clinic from the tables alone and skips these
 * folders, so a contribution is for other systems to read, never the source of truth.
 */
public interface ExportContribution {

    /** The folder in the zip, such as {@code "fhir"}: lower case, no slashes. */
    String folder();

    /**
     * Writes this contribution's files, one after another, while the export's read transaction is open. Do not append
     * audit entries here: the export audits itself, and on PostgreSQL the snapshot cannot lock the audit chain's head
     * once another request has appended (ADR 024).
     */
    void writeTo(Files files) throws IOException;

    /** Where a contribution writes: one call per file, named relative to the folder (e.g. {@code "Patient.ndjson"}). */
    @FunctionalInterface
    interface Files {
        void add(String name, Content content) throws IOException;
    }

    /** The bytes of one file, written to a stream the export owns; do not close it. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
