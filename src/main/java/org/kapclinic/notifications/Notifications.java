// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues outgoing email in the caller's transaction. Bodies should carry links, not clinical details. */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID queueEmail(String to, String subject, String body) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO email_outbox (id, to_address, subject, body, created_at, attempts)
                VALUES (:id, :to, :subject, :body, :at, 0)""")
                .param("id", id).param("to", to).param("subject", subject).param("body", body)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return id;
    }
}
