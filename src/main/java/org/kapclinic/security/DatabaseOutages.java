// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises "the database is not reachable", however it surfaces. When the connection dies mid-transaction the
 * rollback fails too, and Spring then throws {@link TransactionSystemException} ("JDBC rollback failed") in place of
 * the original {@link DataAccessResourceFailureException}; framework code also wraps failures in its own exceptions.
 * Callers answer 503 (try again) for these instead of 500: the API token filter here, and the web module's advice.
 */
public final class DatabaseOutages {

    private static final int MAX_DEPTH = 16;

    private DatabaseOutages() {}

    /** True if {@code error}, its causes, or the application exception a failed rollback replaced, is an outage. */
    public static boolean isOutage(@Nullable Throwable error) {
        return isOutage(error, 0);
    }

    private static boolean isOutage(@Nullable Throwable error, int depth) {
        if (error == null || depth > MAX_DEPTH) {
            return false;
        }
        if (error instanceof DataAccessResourceFailureException || error instanceof CannotCreateTransactionException
                || error instanceof SQLTransientConnectionException
                || error instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (error instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return true; // SQLSTATE class 08: connection exception
        }
        if (error instanceof TransactionSystemException tx && isOutage(tx.getApplicationException(), depth + 1)) {
            return true;
        }
        return error.getCause() != error && isOutage(error.getCause(), depth + 1);
    }
}
