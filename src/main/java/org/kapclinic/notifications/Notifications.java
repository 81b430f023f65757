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

    /** A text attachment, such as an appointment's {@code .ics} calendar file. */
    public record Attachment(String name, String contentType, String content) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID queueEmail(String to, String subject, String body) {
        return queueEmail(to, subject, body, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID queueEmail(String to, String subject, String body, @org.jspecify.annotations.Nullable Attachment attachment) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO email_outbox (id, to_address, subject, body, created_at, attempts, attachment_name,
                    attachment_type, attachment_body)
                VALUES (:id, :to, :subject, :body, :at, 0, :an, :at2, :ab)""")
                .param("id", id).param("to", to).param("subject", subject).param("body", body)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("an", attachment == null ? null : attachment.name())
                .param("at2", attachment == null ? null : attachment.contentType())
                .param("ab", attachment == null ? null : attachment.content())
                .update();
        return id;
    }
}
