// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Fuzzes the import's CSV reader (ADR 024, ADR 029): the one parser a restored export's rows go through. */
class CsvFuzzTests {

    /**
     * Any text reads as rows or is refused with an IOException naming its line (ClinicImport turns that into
     * ImportRefused); the reader always comes to an end; and rows that read are written back as CSV that reads as the
     * same rows, NULL and empty string kept apart.
     */
    @FuzzTest(maxDuration = "60s")
    void anyTextReadsAsRowsThatRoundTripOrIsRefused(FuzzedDataProvider data) throws IOException {
        var text = data.consumeRemainingAsString();
        List<List<@Nullable String>> rows;
        try {
            rows = readAll(text);
        } catch (IOException refused) {
            assertThat(refused.getMessage()).startsWith("line ");
            return;
        }
        assertThat(rows.size()).isLessThanOrEqualTo(text.length());
        var written = new StringWriter();
        for (var row : rows) {
            Csv.writeRow(written, row);
        }
        assertThat(readAll(written.toString())).isEqualTo(rows);
    }

    /** Any fields written as a row read back as exactly those fields. */
    @FuzzTest(maxDuration = "60s")
    void writtenFieldsReadBackUnchanged(FuzzedDataProvider data) throws IOException {
        var fields = new ArrayList<@Nullable String>();
        int count = data.consumeInt(1, 8);
        for (int i = 0; i < count; i++) {
            fields.add(data.consumeBoolean() ? null : data.consumeString(40));
        }
        var written = new StringWriter();
        Csv.writeRow(written, fields);
        Csv.writeRow(written, fields);
        assertThat(readAll(written.toString())).containsExactly(fields, fields);
    }

    private static List<List<@Nullable String>> readAll(String text) throws IOException {
        var rows = new ArrayList<List<@Nullable String>>();
        try (var reader = new Csv.RowReader(new StringReader(text))) {
            for (var row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
