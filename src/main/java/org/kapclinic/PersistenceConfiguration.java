// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * Spring Data JDBC settings shared by every module: instants are written as UTC {@code timestamp with time zone} and
 * read back from either driver's representation (H2 returns OffsetDateTime, PostgreSQL Timestamp).
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration extends AbstractJdbcConfiguration {

    /**
     * One SQL dialect for both engines: H2 runs in PostgreSQL mode with lower-case identifiers, so Spring Data JDBC
     * uses its PostgreSQL dialect everywhere (H2's own dialect would quote upper-case names).
     */
    @Override
    public JdbcDialect jdbcDialect(NamedParameterJdbcOperations operations) {
        return JdbcPostgresDialect.INSTANCE;
    }

    @Override
    protected List<?> userConverters() {
        return List.of(new InstantWriter(), new OffsetDateTimeReader(), new TimestampReader());
    }

    @WritingConverter
    static final class InstantWriter implements Converter<Instant, OffsetDateTime> {
        @Override
        public OffsetDateTime convert(Instant source) {
            return OffsetDateTime.ofInstant(source, ZoneOffset.UTC);
        }
    }

    @ReadingConverter
    static final class OffsetDateTimeReader implements Converter<OffsetDateTime, Instant> {
        @Override
        public Instant convert(OffsetDateTime source) {
            return source.toInstant();
        }
    }

    @ReadingConverter
    static final class TimestampReader implements Converter<Timestamp, Instant> {
        @Override
        public Instant convert(Timestamp source) {
            return source.toInstant();
        }
    }
}
