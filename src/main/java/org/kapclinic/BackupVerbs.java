// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.h2.tools.Restore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code backup} and {@code restore} verbs of {@link CommandLineVerbs} (ADR 028): a database-level copy, not the
 * CSV export of ADR 024. H2: {@code BACKUP TO} through the running server's AUTO_SERVER connection (online; the copy is
 * transactionally consistent) and H2's Restore tool into a closed database file. PostgreSQL: {@code pg_dump -Fc} (one
 * snapshot, online) and {@code pg_restore --single-transaction}. A restore refuses a database that has tables unless
 * {@code --force}, refuses one that other sessions are using, then starts the application on the restored database
 * (Flyway migrates an older backup forward), verifies the audit hash chain and prints the row count of every table.
 */
final class BackupVerbs {

    /** The database the app is configured for (same settings as the server). */
    record Database(String url, String user, String password) {
        boolean h2() {
            return url.startsWith("jdbc:h2:");
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private BackupVerbs() {}

    static int backup(Database db, Path target, Map<String, String> options, PrintStream out) {
        var file = target.toAbsolutePath();
        var partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.deleteIfExists(partial);
            if (db.h2()) {
                try (var connection = db.connect(); var statement = connection.createStatement()) {
                    statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
                }
            } else {
                var tools = postgresTools(db, "pg_dump", options);
                if (tools == null) {
                    return manual(out, "pg_dump", PostgresTools.forUrl(Path.of("/usr/bin"), db.url(), db.user(),
                            db.password()).dumpCommand(file));
                }
                var result = tools.run(tools.dumpCommand(partial));
                if (result.exitCode() != 0) {
                    Files.deleteIfExists(partial);
                    System.err.println("pg_dump failed (exit " + result.exitCode() + "): " + result.output());
                    System.err.println("A pg_dump older than the server refuses to run: use the server's own version"
                            + " (--pg-bin DIR or KAP_PG_BIN).");
                    return 1;
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            out.println("Backed up the " + (db.h2() ? "H2" : "PostgreSQL") + " database to " + file + " ("
                    + Files.size(file) + " bytes). It holds every patient's record: store it encrypted, and practise"
                    + " restoring it (restore --from FILE into an empty database).");
            return 0;
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message below is what matters
            }
            System.err.println("Backup failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Restores {@code source} into the configured database, then starts the app on it ({@code application}) to
     * verify the audit chain and count rows.
     */
    static int restore(Database db, Path source, Map<String, String> options,
            Supplier<ConfigurableApplicationContext> application, PrintStream out) {
        if (!Files.isRegularFile(source)) {
            System.err.println("Refused: no file " + source);
            return 1;
        }
        boolean force = options.containsKey("force");
        try {
            var kind = kindOf(source);
            if (kind != (db.h2() ? Kind.H2 : Kind.POSTGRES)) {
                System.err.println("Refused: " + source + " is " + kind.description + ", but the configured database is "
                        + (db.h2() ? "H2" : "PostgreSQL") + ".");
                return 1;
            }
            int restored = db.h2() ? H2Restore.restore(db, source.toAbsolutePath(), force)
                    : restorePostgres(db, source.toAbsolutePath(), force, options, out);
            if (restored != 0) {
                return restored;
            }
        } catch (IOException | SQLException | RuntimeException e) {
            System.err.println("Restore failed: " + e.getMessage());
            return 1;
        }
        try (var context = application.get()) {
            return RestoreCheck.report(context, source, out);
        }
    }

    private static int restorePostgres(Database db, Path source, boolean force, Map<String, String> options,
            PrintStream out) throws SQLException {
        var tools = postgresTools(db, "pg_restore", options);
        if (tools == null) {
            return manual(out, "pg_restore", PostgresTools.forUrl(Path.of("/usr/bin"), db.url(), db.user(),
                    db.password()).restoreCommand(source));
        }
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            if (refused(TargetCheck.of(connection), force)) {
                return 1;
            }
            if (force) {
                var schema = TargetCheck.schema(connection);
                statement.execute("DROP SCHEMA " + quoted(schema) + " CASCADE");
                statement.execute("CREATE SCHEMA " + quoted(schema));
            }
        }
        var result = tools.run(tools.restoreCommand(source));
        if (result.exitCode() != 0) {
            System.err.println("pg_restore failed (exit " + result.exitCode() + "; nothing was restored, it runs in"
                    + " one transaction): " + result.output());
            return 1;
        }
        return 0;
    }

    static boolean refused(TargetCheck target, boolean force) {
        if (target.otherSessions() > 0) {
            System.err.println("Refused: " + target.otherSessions() + " other session(s) are using the target database."
                    + " Stop every application node before a restore.");
            return true;
        }
        if (target.tables() > 0 && !force) {
            System.err.println("Refused: the target database is not empty (" + target.tables() + " tables). Restore"
                    + " into an empty database, or add --force to replace everything in it.");
            return true;
        }
        return false;
    }

    /** Tables and other users of the target, read before anything is changed. */
    record TargetCheck(long tables, long otherSessions) {
        static TargetCheck of(Connection connection) throws SQLException {
            boolean h2 = connection.getMetaData().getURL().startsWith("jdbc:h2:");
            long tables = count(connection, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                    + "CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')");
            long others = h2 ? count(connection, "SELECT COUNT(*) FROM information_schema.sessions") - 1
                    : count(connection, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND pid <> pg_backend_pid()");
            return new TargetCheck(tables, others);
        }

        static String schema(Connection connection) throws SQLException {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(
                    "SELECT CURRENT_SCHEMA")) {
                rows.next();
                return rows.getString(1);
            }
        }

        private static long count(Connection connection, String sql) throws SQLException {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static PostgresTools postgresTools(Database db, String program, Map<String, String> options) {
        return PostgresTools.find(program, options.get("pg-bin"))
                .map(p -> PostgresTools.forUrl(p.getParent(), db.url(), db.user(), db.password())).orElse(null);
    }

    private static int manual(PrintStream out, String program, java.util.List<String> command) {
        System.err.println(program + " was not found (--pg-bin DIR, KAP_PG_BIN or the PATH). Install the PostgreSQL"
                + " client of the server's major version and run, or run this yourself:");
        out.println(PostgresTools.shell(command));
        return 1;
    }

    enum Kind {
        H2("an H2 backup (zip)"), POSTGRES("a pg_dump custom-format archive"), OTHER("neither an H2 backup nor a"
                + " pg_dump custom-format archive (a full export? use import --from)");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    static Kind kindOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(5);
        }
        if (Arrays.equals(head, "PGDMP".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return Kind.POSTGRES;
        }
        if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
            try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                return zip.stream().anyMatch(e -> e.getName().endsWith(".mv.db")) ? Kind.H2 : Kind.OTHER;
            }
        }
        return Kind.OTHER;
    }

    /** H2: the target file must be closed (no server running on it); the backup's files replace it. */
    static final class H2Restore {

        private H2Restore() {}

        static int restore(Database db, Path source, boolean force) throws SQLException, IOException {
            var file = fileOf(db.url());
            var dir = file.getParent();
            var name = file.getFileName().toString();
            if (Files.exists(dir.resolve(name + ".mv.db"))) {
                // Without AUTO_SERVER: if a server holds the file, this fails instead of connecting to it.
                var local = db.url().replaceAll("(?i);AUTO_SERVER=TRUE", "") + ";IFEXISTS=TRUE";
                try (var connection = DriverManager.getConnection(local, db.user(), db.password())) {
                    if (refused(TargetCheck.of(connection), force)) {
                        return 1;
                    }
                    try (var statement = connection.createStatement()) {
                        statement.execute("SHUTDOWN");
                    }
                } catch (SQLException e) {
                    if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                        System.err.println("Refused: the database " + file + " is open in another process. Stop the"
                                + " server before a restore.");
                        return 1;
                    }
                    throw e;
                }
                Files.deleteIfExists(dir.resolve(name + ".mv.db"));
                Files.deleteIfExists(dir.resolve(name + ".trace.db"));
            }
            Files.createDirectories(dir);
            Restore.execute(source.toString(), dir.toString(), name);
            if (!Files.exists(dir.resolve(name + ".mv.db"))) {
                System.err.println("Restore failed: " + source + " held no database file.");
                return 1;
            }
            return 0;
        }

        static Path fileOf(String url) {
            var rest = url.substring("jdbc:h2:".length());
            if (rest.startsWith("file:")) {
                rest = rest.substring("file:".length());
            }
            int semicolon = rest.indexOf(';');
            var path = semicolon < 0 ? rest : rest.substring(0, semicolon);
            if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:")) {
                throw new IllegalArgumentException("restore needs an H2 file database, not " + path);
            }
            if (path.startsWith("~")) {
                path = System.getProperty("user.home") + path.substring(1);
            }
            return Path.of(path).toAbsolutePath().normalize();
        }
    }
}
