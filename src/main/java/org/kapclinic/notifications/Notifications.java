// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
        return queue(null, to, subject, body, attachment);
    }

    /**
     * Queues an email about a patient (a reminder, a questionnaire link), so the patient's care timeline lists it by
     * its subject. The patient is a bare UUID: notifications sits below the patients module.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID queueEmailAbout(UUID patient, String to, String subject, String body,
            @org.jspecify.annotations.Nullable Attachment attachment) {
        return queue(patient, to, subject, body, attachment);
    }

    /** An email queued about a patient: the subject only, never the body. */
    public record SentEmail(UUID id, Instant queuedAt, String subject, @org.jspecify.annotations.Nullable Instant sentAt,
            int attempts) {}

    /** Emails queued about the patient at or after {@code from} and before {@code to}, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<SentEmail> sentAbout(UUID patient, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                SELECT id, created_at, subject, sent_at, attempts FROM email_outbox
                WHERE patient_id = :patient AND created_at >= :from AND created_at < :to
                ORDER BY created_at DESC LIMIT :limit""")
                .param("patient", patient).param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC)).param("limit", limit)
                .query((rs, n) -> new SentEmail(rs.getObject("id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("subject"),
                        rs.getObject("sent_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("attempts")))
                .list();
    }

    private UUID queue(@org.jspecify.annotations.Nullable UUID patient, String to, String subject, String body,
            @org.jspecify.annotations.Nullable Attachment attachment) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO email_outbox (id, to_address, subject, body, created_at, attempts, attachment_name,
                    attachment_type, attachment_body, patient_id)
                VALUES (:id, :to, :subject, :body, :at, 0, :an, :at2, :ab, :patient)""")
                .param("id", id).param("to", to).param("subject", subject).param("body", body)
                .param("patient", patient)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("an", attachment == null ? null : attachment.name())
                .param("at2", attachment == null ? null : attachment.contentType())
                .param("ab", attachment == null ? null : attachment.content())
                .update();
        return id;
    }
}
