// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How one column's values become CSV text and back, chosen from the column's JDBC metadata (type name first, as
 * PostgreSQL reports timestamptz and uuid under generic JDBC types). Timestamps with a time zone are written in UTC with
 * exactly six fraction digits ({@code 2026-03-04T05:06:07.123456Z}); binary columns as standard base64.
 */
enum ColumnKind {
    TEXT, UUID_TEXT, INTEGER, DECIMAL, FLOATING, BOOLEAN, DATE, TIME, TIMESTAMP, TIMESTAMP_UTC, BINARY, OTHER;

    static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter LOCAL_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    static ColumnKind of(String typeName, int jdbcType) {
        var name = typeName.toLowerCase(Locale.ROOT);
        if (name.equals("uuid")) {
            return UUID_TEXT;
        }
        if (name.equals("timestamptz") || name.startsWith("timestamp with time zone")) {
            return TIMESTAMP_UTC;
        }
        if (name.startsWith("timestamp")) {
            return TIMESTAMP;
        }
        if (name.equals("bytea") || name.contains("binary") || name.contains("blob")) {
            return BINARY;
        }
        if (name.startsWith("bool")) {
            return BOOLEAN;
        }
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOATING;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIME -> TIME;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_UTC;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> TEXT;
            default -> OTHER;
        };
    }

    /** The value at {@code index} as export text, or null for SQL NULL. */
    @Nullable String read(ResultSet rs, int index) throws SQLException {
        return switch (this) {
            case TIMESTAMP_UTC -> {
                var value = rs.getObject(index, OffsetDateTime.class);
                yield value == null ? null : UTC_MICROS.format(value.toInstant());
            }
            case TIMESTAMP -> {
                var value = rs.getObject(index, LocalDateTime.class);
                yield value == null ? null : LOCAL_MICROS.format(value);
            }
            case DATE -> {
                var value = rs.getObject(index, LocalDate.class);
                yield value == null ? null : value.toString();
            }
            case TIME -> {
                var value = rs.getObject(index, LocalTime.class);
                yield value == null ? null : value.toString();
            }
            case BINARY -> {
                var value = rs.getBytes(index);
                yield value == null ? null : Base64.getEncoder().encodeToString(value);
            }
            case BOOLEAN -> {
                boolean value = rs.getBoolean(index);
                yield rs.wasNull() ? null : Boolean.toString(value);
            }
            case DECIMAL -> {
                var value = rs.getBigDecimal(index);
                yield value == null ? null : value.toPlainString();
            }
            case UUID_TEXT -> {
                var value = rs.getObject(index);
                yield value == null ? null : value.toString();
            }
            default -> rs.getString(index);
        };
    }

    /** Binds export text (null for SQL NULL) as this column's type. */
    void bind(PreparedStatement statement, int index, @Nullable String text, int jdbcType) throws SQLException {
        if (text == null) {
            statement.setNull(index, jdbcType);
            return;
        }
        switch (this) {
            case UUID_TEXT -> statement.setObject(index, UUID.fromString(text));
            case TIMESTAMP_UTC -> statement.setObject(index, OffsetDateTime.parse(text));
            case TIMESTAMP -> statement.setObject(index, LocalDateTime.parse(text));
            case DATE -> statement.setObject(index, LocalDate.parse(text));
            case TIME -> statement.setObject(index, LocalTime.parse(text));
            case BINARY -> statement.setBytes(index, Base64.getDecoder().decode(text));
            case BOOLEAN -> statement.setBoolean(index, parseBoolean(text));
            case INTEGER -> statement.setLong(index, Long.parseLong(text));
            case DECIMAL -> statement.setBigDecimal(index, new BigDecimal(text));
            case FLOATING -> statement.setDouble(index, Double.parseDouble(text));
            case OTHER -> statement.setObject(index, text, Types.OTHER);
            default -> statement.setString(index, text);
        }
    }

    private static boolean parseBoolean(String text) {
        return switch (text) {
            case "true", "t", "TRUE" -> true;
            case "false", "f", "FALSE" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + text);
        };
    }
}
