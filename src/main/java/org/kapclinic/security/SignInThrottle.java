// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed sign-in counters per account and per client address, kept in the database so every node sees them. After the
 * free failures each further failure doubles the wait before the next attempt is even checked. Nothing is ever locked
 * for good: the wait expires by itself, a success clears the account's counter, and an admin can clear it at once.
 */
@Component
class SignInThrottle {

    /** Counters older than this start again from zero. */
    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecuritySettings.Throttle settings;

    SignInThrottle(JdbcClient jdbc, Clock clock, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings.throttle();
    }

    static String accountKey(String email) {
        return "account:" + UserAccountRepository.normalise(email);
    }

    static String ipKey(String ip) {
        return "ip:" + ip;
    }

    /** How long this key must still wait, if at all. */
    Optional<Duration> waitFor(String key) {
        var now = clock.instant();
        return jdbc.sql("SELECT blocked_until FROM sign_in_throttle WHERE throttle_key = :key")
                .param("key", key)
                .query((rs, n) -> UserAccountRepository.instant(rs, "blocked_until"))
                .optional()
                .filter(until -> until != null && until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    void recordFailure(String key, int freeFailures) {
        var now = clock.instant();
        var current = jdbc.sql("SELECT failures, last_failure_at FROM sign_in_throttle WHERE throttle_key = :key")
                .param("key", key)
                .query((rs, n) -> new int[] {rs.getInt(1),
                        UserAccountRepository.instant(rs, "last_failure_at").isBefore(now.minus(WINDOW)) ? 1 : 0})
                .optional();
        int failures = current.map(c -> c[1] == 1 ? 1 : c[0] + 1).orElse(1);
        Instant blockedUntil = failures > freeFailures ? now.plus(delayAfter(failures - freeFailures)) : null;
        int updated = jdbc.sql("""
                UPDATE sign_in_throttle SET failures = :failures, last_failure_at = :now, blocked_until = :until
                WHERE throttle_key = :key""")
                .param("failures", failures).param("now", UserAccountRepository.utc(now))
                .param("until", blockedUntil == null ? null : UserAccountRepository.utc(blockedUntil))
                .param("key", key).update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at, blocked_until)
                        VALUES (:key, 1, :now, NULL)""")
                        .param("key", key).param("now", UserAccountRepository.utc(now)).update();
            } catch (DuplicateKeyException raced) {
                recordFailure(key, freeFailures);
            }
        }
    }

    /** The n-th failure past the free ones waits base × 2^(n-1), capped. */
    Duration delayAfter(int excessFailures) {
        var delay = settings.baseDelay();
        for (int i = 1; i < excessFailures && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    void clear(String key) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = :key").param("key", key).update();
    }

    boolean isThrottled(String key) {
        return waitFor(key).isPresent();
    }

    int freeFailuresPerAccount() {
        return settings.freeFailuresPerAccount();
    }

    int freeFailuresPerIp() {
        return settings.freeFailuresPerIp();
    }
}
