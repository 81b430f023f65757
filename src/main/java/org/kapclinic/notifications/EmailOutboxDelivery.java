// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Sends queued email over SMTP when {@code spring.mail.host} is set; runs on one node at a time (ShedLock). Without
 * SMTP the messages wait in the outbox, and screens that create them show the link instead.
 */
@Component
class EmailOutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(EmailOutboxDelivery.class);
    private static final int MAX_ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;
    private final String host;

    EmailOutboxDelivery(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, Clock clock,
            @Value("${kap.mail.from}") String from, @Value("${spring.mail.host:}") String host) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.host = host;
    }

    boolean configured() {
        return StringUtils.hasText(host) && mail.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${kap.mail.poll-interval:PT30S}")
    @SchedulerLock(name = "email-outbox-delivery", lockAtMostFor = "PT5M")
    void deliverPending() {
        if (!configured()) {
            return;
        }
        var sender = mail.getObject();
        var pending = jdbc.sql("""
                SELECT id, to_address, subject, body, attachment_name, attachment_type, attachment_body FROM email_outbox
                WHERE sent_at IS NULL AND attempts < :max ORDER BY created_at LIMIT 50""")
                .param("max", MAX_ATTEMPTS)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)})
                .list();
        for (var m : pending) {
            var id = UUID.fromString(m[0]);
            try {
                if (m[4] == null) {
                    var message = new SimpleMailMessage();
                    message.setFrom(from);
                    message.setTo(m[1]);
                    message.setSubject(m[2]);
                    message.setText(m[3]);
                    sender.send(message);
                } else {
                    var mime = sender.createMimeMessage();
                    var helper = new org.springframework.mail.javamail.MimeMessageHelper(mime, true, "UTF-8");
                    helper.setFrom(from);
                    helper.setTo(m[1]);
                    helper.setSubject(m[2]);
                    helper.setText(m[3]);
                    helper.addAttachment(m[4], new org.springframework.core.io.ByteArrayResource(
                            m[6].getBytes(java.nio.charset.StandardCharsets.UTF_8)), m[5]);
                    sender.send(mime);
                }
                jdbc.sql("UPDATE email_outbox SET sent_at = :at, attempts = attempts + 1 WHERE id = :id")
                        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", id).update();
            } catch (RuntimeException | jakarta.mail.MessagingException e) {
                log.warn("Email {} not delivered yet: {}", id, e.getClass().getSimpleName());
                jdbc.sql("UPDATE email_outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                        .param("error", String.valueOf(e.getMessage()).substring(0, Math.min(1000, String.valueOf(e.getMessage()).length())))
                        .param("id", id).update();
            }
        }
    }
}
