// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts stored public submissions per client address in the database, so every node shares the count. Keys are
 * SHA-256 hashes of the address. No third-party service (no CAPTCHA) is involved.
 */
@Component
class SubmissionRateLimit {

    private final JdbcClient jdbc;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    SubmissionRateLimit(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Counts one submission in its own transaction, or throws {@link TooManySubmissions} when the address used up
     * its window. Two first submissions racing for the same new row retry once.
     */
    void count(String address, int max, Duration window, Instant now) {
        try {
            tx.executeWithoutResult(status -> countInTransaction(hash(address), max, window, now));
        } catch (DuplicateKeyException e) {
            tx.executeWithoutResult(status -> countInTransaction(hash(address), max, window, now));
        }
    }

    private void countInTransaction(String key, int max, Duration window, Instant now) {
        var row = jdbc.sql("SELECT window_start, submissions FROM inquiry_rate_limit WHERE client_key = :k")
                .param("k", key)
                .query((rs, n) -> new Object[] {InquiryRepository.instant(rs, "window_start"), rs.getInt(2)})
                .optional();
        if (row.isEmpty()) {
            jdbc.sql("INSERT INTO inquiry_rate_limit (client_key, window_start, submissions) VALUES (:k, :now, 1)")
                    .param("k", key).param("now", InquiryRepository.utc(now)).update();
            return;
        }
        var start = (Instant) row.get()[0];
        int used = (Integer) row.get()[1];
        if (start.plus(window).isBefore(now)) {
            jdbc.sql("UPDATE inquiry_rate_limit SET window_start = :now, submissions = 1 WHERE client_key = :k")
                    .param("now", InquiryRepository.utc(now)).param("k", key).update();
            return;
        }
        if (used >= max) {
            throw new TooManySubmissions(Duration.between(now, start.plus(window)));
        }
        jdbc.sql("UPDATE inquiry_rate_limit SET submissions = submissions + 1 WHERE client_key = :k").param("k", key).update();
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
