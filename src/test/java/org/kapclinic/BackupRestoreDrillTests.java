// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore drill (ADR 028), on the engine of the run: the demo clinic plus generated patients is backed up with
 * {@code backup --to} while a transaction is open on it, restored with {@code restore --from} into an empty database,
 * and compared table by table (row counts), record by record for a sample of tables, with the audit hash chain
 * verified. PostgreSQL uses the machine's pg_dump/pg_restore against a server of the same major version.
 */
@Tag("db")
class BackupRestoreDrillTests {

    /** Compared row by row after the restore: the patient record, the audit trail, and clinical tables. */
    private static final List<String> SAMPLE_TABLES = List.of("patient", "audit_entry", "appointment",
            "assessment", "safety_alert", "user_account");

    @TempDir
    static Path serverDir;

    @TempDir
    Path temp;

    private static DebianPostgres postgres;

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private String[] emptyDatabase(String name) {
        if ("postgres".equals(TestDatabases.engine())) {
            if (postgres == null) {
                postgres = DebianPostgres.start(serverDir);
            }
            return postgres.createDatabase();
        }
        return new String[] {"jdbc:h2:file:" + temp.resolve(name).resolve("kapclinic").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE", "sa", ""};
    }

    private VerbRun run(String[] db, String... verb) {
        var pgBin = "postgres".equals(TestDatabases.engine()) ? List.of("--pg-bin=" + DebianPostgres.BIN) : List.<String>of();
        return VerbRun.run(db, pgBin, verb);
    }

    @Test
    void restoresABackupTakenDuringAnOpenTransactionIntoAnEmptyDatabaseAndRefusesANonEmptyOneUnlessForced()
            throws Exception {
        var source = emptyDatabase("source");
        assertThat(run(source, "demo", "generate", "--patients", "2").exitCode()).isZero();
        var file = temp.resolve("clinic.backup");

        VerbRun backup;
        try (var open = connect(source)) {
            // A write in flight while the backup runs: not committed, so it must not be in the backup.
            open.setAutoCommit(false);
            try (var statement = open.createStatement()) {
                assertThat(statement.executeUpdate("UPDATE patient SET legal_given_name = 'Uncommitted'")).isPositive();
            }
            backup = run(source, "backup", "--to", file.toString());
            open.rollback();
        }
        assertThat(backup.exitCode()).as(backup.errors()).isZero();
        assertThat(backup.output()).contains("Backed up");

        var target = emptyDatabase("target");
        var restore = run(target, "restore", "--from", file.toString());
        assertThat(restore.exitCode()).as(restore.output() + restore.errors()).isZero();
        assertThat(restore.output()).contains("Audit trail intact").containsPattern("patient\\s+\\d");

        var before = rowCounts(source);
        var after = rowCounts(target);
        assertThat(before.get("patient")).as("generated patients").isGreaterThanOrEqualTo(2);
        assertThat(before.get("audit_entry")).isPositive();
        assertThat(after).as("row counts per table after the restore").isEqualTo(before);
        for (var table : SAMPLE_TABLES) {
            assertThat(rows(target, table)).as("every row of " + table).isEqualTo(rows(source, table));
        }
        assertThat(rows(target, "patient")).noneMatch(row -> row.contains("Uncommitted"));

        // The target has tables now: a second restore is refused and changes nothing, unless forced.
        try (var connection = connect(target); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE patient SET legal_given_name = 'Changed after restore'");
        }
        var changed = rows(target, "patient");
        var refused = run(target, "restore", "--from", file.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errors()).contains("Refused: the target database is not empty").contains("--force");
        assertThat(rows(target, "patient")).as("the refused target is untouched").isEqualTo(changed);

        var forced = run(target, "restore", "--from", file.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.output() + forced.errors()).isZero();
        assertThat(forced.output()).contains("Audit trail intact");
        assertThat(rowCounts(target)).isEqualTo(before);
        assertThat(rows(target, "patient")).isEqualTo(rows(source, "patient"));
    }

    @Test
    void refusesAFileThatIsNotABackupOfThisEngine() throws Exception {
        var notABackup = temp.resolve("notes.txt");
        java.nio.file.Files.writeString(notABackup, "not a backup");
        var refused = run(emptyDatabase("target"), "restore", "--from", notABackup.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errors()).contains("Refused:").contains("neither an H2 backup nor a pg_dump");
    }

    private static Connection connect(String[] db) throws SQLException {
        return DriverManager.getConnection(db[0], db[1], db[2]);
    }

    private static Map<String, Long> rowCounts(String[] db) throws SQLException {
        try (var connection = connect(db)) {
            var counts = new LinkedHashMap<String, Long>();
            var tables = new ArrayList<String>();
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(
                    "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA"
                            + " AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (var table : tables) {
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            return counts;
        }
    }

    /** Every row of a table as text, in a stable order (all columns, sorted). */
    private static List<String> rows(String[] db, String table) throws SQLException {
        try (var connection = connect(db); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
            var columns = rows.getMetaData().getColumnCount();
            var result = new ArrayList<String>();
            while (rows.next()) {
                var row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(rows.getMetaData().getColumnLabel(c)).append('=').append(rows.getString(c)).append('|');
                }
                result.add(row.toString());
            }
            result.sort(null);
            return result;
        }
    }
}
