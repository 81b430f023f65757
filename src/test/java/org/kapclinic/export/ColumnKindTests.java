// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.api.Test;

class ColumnKindTests {

    @Test
    void readsTypesByNameFirstBecausePostgresReportsThemUnderGenericJdbcTypes() {
        assertThat(ColumnKind.of("timestamptz", Types.TIMESTAMP)).isEqualTo(ColumnKind.TIMESTAMP_UTC);
        assertThat(ColumnKind.of("TIMESTAMP WITH TIME ZONE", Types.TIMESTAMP_WITH_TIMEZONE))
                .isEqualTo(ColumnKind.TIMESTAMP_UTC);
        assertThat(ColumnKind.of("timestamp", Types.TIMESTAMP)).isEqualTo(ColumnKind.TIMESTAMP);
        assertThat(ColumnKind.of("uuid", Types.OTHER)).isEqualTo(ColumnKind.UUID_TEXT);
        assertThat(ColumnKind.of("UUID", Types.BINARY)).isEqualTo(ColumnKind.UUID_TEXT);
        assertThat(ColumnKind.of("bytea", Types.BINARY)).isEqualTo(ColumnKind.BINARY);
        assertThat(ColumnKind.of("BINARY VARYING", Types.VARBINARY)).isEqualTo(ColumnKind.BINARY);
        assertThat(ColumnKind.of("bool", Types.BIT)).isEqualTo(ColumnKind.BOOLEAN);
        assertThat(ColumnKind.of("numeric", Types.NUMERIC)).isEqualTo(ColumnKind.DECIMAL);
        assertThat(ColumnKind.of("text", Types.VARCHAR)).isEqualTo(ColumnKind.TEXT);
    }

    @Test
    void writesUtcTimestampsWithExactlySixFractionDigits() {
        assertThat(ColumnKind.UTC_MICROS.format(java.time.OffsetDateTime.parse("2026-03-04T05:06:07-07:00")))
                .isEqualTo("2026-03-04T12:06:07.000000Z");
        assertThat(ColumnKind.UTC_MICROS.format(java.time.Instant.parse("2026-03-04T05:06:07.123456Z")))
                .isEqualTo("2026-03-04T05:06:07.123456Z");
    }
}
