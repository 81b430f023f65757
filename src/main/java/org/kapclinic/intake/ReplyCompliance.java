// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether inquiries got their first contact within the reply clock (kap.intake response time, REFERENCE.md 8.2), for
 * the outcomes dashboard (issue 8). Counts only, one query, no names.
 */
@Component
public class ReplyCompliance {

    /**
     * @param onTime first contact at or before the due time
     * @param late first contact after it, or none yet and the due time has passed
     * @param pending no contact yet and not yet due: too early to say, not counted
     * @param closedWithoutContact closed (e.g. a duplicate) before any contact: not counted
     */
    public record Counts(long onTime, long late, long pending, long closedWithoutContact) {

        public long counted() {
            return onTime + late;
        }
    }

    private final JdbcClient jdbc;

    ReplyCompliance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inquiries submitted at or after {@code from} and before {@code to}. */
    public Counts submitted(Instant from, Instant to, Instant now) {
        return jdbc.sql("""
                SELECT
                  SUM(CASE WHEN first_contact_at IS NOT NULL AND first_contact_at <= respond_by THEN 1 ELSE 0 END),
                  SUM(CASE WHEN first_contact_at > respond_by
                      OR (first_contact_at IS NULL AND closed_at IS NULL AND respond_by < :now) THEN 1 ELSE 0 END),
                  SUM(CASE WHEN first_contact_at IS NULL AND closed_at IS NULL AND respond_by >= :now THEN 1 ELSE 0 END),
                  SUM(CASE WHEN first_contact_at IS NULL AND closed_at IS NOT NULL THEN 1 ELSE 0 END)
                FROM inquiry WHERE submitted_at >= :from AND submitted_at < :to""")
                .param("from", utc(from)).param("to", utc(to)).param("now", utc(now))
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
