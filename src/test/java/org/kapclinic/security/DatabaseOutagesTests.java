// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** What counts as "the database is down" (503) rather than a bug (500); DurabilityTests sees these for real. */
class DatabaseOutagesTests {

    private static final DataAccessResourceFailureException LOST = new DataAccessResourceFailureException(
            "I/O error", new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    @Test
    void connectionFailuresAreOutages() {
        assertThat(DatabaseOutages.isOutage(LOST)).isTrue();
        assertThat(DatabaseOutages.isOutage(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(DatabaseOutages.isOutage(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("Connection is not available, request timed out")))).isTrue();
        assertThat(DatabaseOutages.isOutage(new RuntimeException(new SQLException("closed", "08003")))).isTrue();
    }

    @Test
    void aFailedRollbackThatReplacedAnOutageIsAnOutage() {
        // Spring: "Application exception overridden by rollback exception", then "JDBC rollback failed".
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(LOST);
        assertThat(DatabaseOutages.isOutage(rollback)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutages.isOutage(null)).isFalse();
        assertThat(DatabaseOutages.isOutage(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new DataIntegrityViolationException("duplicate MRN",
                new SQLException("duplicate key", "23505")))).isFalse();
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new IllegalStateException("bug"));
        assertThat(DatabaseOutages.isOutage(rollback)).isFalse();
    }

    @Test
    void aCauseCycleEnds() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseOutages.isOutage(a)).isFalse();
    }
}
