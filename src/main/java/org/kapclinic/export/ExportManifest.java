// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}, the export's table of contents: who made it and when, from which release and schema version,
 * how the CSV files are encoded, each table's file and row count, the sequences' next values and the contributed
 * folders. Written last into the zip, once every count is known.
 */
record ExportManifest(
        String format,
        String appVersion,
        String schemaVersion,
        String createdAt,
        String createdBy,
        String database,
        String consistency,
        Map<String, String> encoding,
        List<TableEntry> tables,
        List<String> excludedTables,
        Map<String, Long> sequences,
        List<ContributionEntry> contributions) {

    static final String FORMAT = "kap-clinic-export/1";

    static final Map<String, String> ENCODING = Map.of(
            "csv", "RFC 4180, UTF-8 without BOM, comma, CRLF, header row of column names",
            "null", "an empty unquoted field; the empty string is written as \"\"",
            "binary", "standard base64 (RFC 4648), no line breaks",
            "timestamp with time zone", "ISO-8601 in UTC with six fraction digits, e.g. 2026-03-04T05:06:07.123456Z",
            "timestamp", "ISO-8601 local date-time with six fraction digits",
            "date and time", "ISO-8601 (2026-03-04, 08:30)",
            "boolean", "true or false",
            "numbers", "plain decimal notation, no exponent");

    record TableEntry(String name, String file, long rows, List<ColumnEntry> columns) {}

    record ColumnEntry(String name, String type) {}

    record ContributionEntry(String folder, List<String> files) {}

    long totalRows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }
}
