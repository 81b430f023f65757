// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The export's CSV dialect: RFC 4180 (comma, CRLF, double quotes doubled inside quoted fields), UTF-8, one header row.
 * NULL and the empty string differ as in PostgreSQL's COPY CSV: NULL is an empty unquoted field, the empty string is
 * {@code ""}. Any field holding a comma, quote, CR or LF is quoted.
 */
final class Csv {

    private Csv() {}

    static void writeRow(Writer out, List<@Nullable String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            var field = fields.get(i);
            if (field == null) {
                continue;
            }
            if (field.isEmpty()) {
                out.write("\"\"");
            } else if (needsQuotes(field)) {
                out.write('"');
                out.write(field.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(field);
            }
        }
        out.write("\r\n");
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Reads rows one at a time; a field that was an empty unquoted field comes back as null. */
    static final class RowReader implements AutoCloseable {

        private final Reader in;
        private int peeked = -2;
        private long line = 1;

        RowReader(Reader in) {
            this.in = in;
        }

        long line() {
            return line;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        /** The next row, or null at the end of the input. */
        @Nullable List<@Nullable String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            var fields = new ArrayList<@Nullable String>();
            var field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (c == '"' && field.isEmpty() && !quoted) {
                    quoted = true;
                    readQuoted(field);
                    c = read();
                    continue;
                }
                if (c == ',' || c == '\r' || c == '\n' || c == -1) {
                    fields.add(quoted || !field.isEmpty() ? field.toString() : null);
                    field.setLength(0);
                    quoted = false;
                    if (c == ',') {
                        c = read();
                        continue;
                    }
                    if (c == '\r' && peek() == '\n') {
                        read();
                    }
                    if (c != -1) {
                        line++;
                    }
                    return fields;
                }
                if (quoted) {
                    throw new IOException("line " + line + ": text after a closing quote");
                }
                field.append((char) c);
                c = read();
            }
        }

        private void readQuoted(StringBuilder field) throws IOException {
            while (true) {
                int c = read();
                if (c == -1) {
                    throw new IOException("line " + line + ": a quoted field is not closed");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                        continue;
                    }
                    return;
                }
                if (c == '\n') {
                    line++;
                }
                field.append((char) c);
            }
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            return in.read();
        }

        private int peek() throws IOException {
            if (peeked == -2) {
                peeked = in.read();
            }
            return peeked;
        }
    }
}
