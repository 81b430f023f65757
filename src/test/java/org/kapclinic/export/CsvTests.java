// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CsvTests {

    private static String write(List<List<@Nullable String>> rows) throws IOException {
        var out = new StringWriter();
        for (var row : rows) {
            Csv.writeRow(out, row);
        }
        return out.toString();
    }

    private static List<List<@Nullable String>> read(String text) throws IOException {
        var rows = new ArrayList<List<@Nullable String>>();
        try (var reader = new Csv.RowReader(new StringReader(text))) {
            for (var row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void writesNullAsAnEmptyFieldAndTheEmptyStringAsTwoQuotes() throws IOException {
        assertThat(write(List.of(Arrays.asList("a", null, "", "b")))).isEqualTo("a,,\"\",b\r\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAndReadsThemBack() throws IOException {
        List<List<@Nullable String>> rows = List.of(
                Arrays.asList("Zoë Ñandú-Test Дмитрий", "a, b", "say \"hi\"", "line one\r\nline two\nthree"),
                Arrays.asList(null, "", " spaced ", "\""),
                Arrays.asList((String) null),
                Arrays.asList(""));
        var text = write(rows);
        assertThat(text).contains("\"a, b\"").contains("\"say \"\"hi\"\"\"");
        assertThat(read(text)).isEqualTo(rows);
    }

    @Test
    void refusesAnUnclosedQuoteAndTextAfterAClosingQuote() {
        assertThatThrownBy(() -> read("\"open,1\r\n")).isInstanceOf(IOException.class).hasMessageContaining("not closed");
        assertThatThrownBy(() -> read("\"closed\"x,1\r\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("after a closing quote");
    }
}
