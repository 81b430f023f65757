// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL server from the machine's own packages (Debian's postgresql-15, whose pg_dump and
 * pg_restore the backup verbs call). The embedded test binaries are PostgreSQL 17 and carry no pg_dump, and a pg_dump
 * refuses a server newer than itself, so the backup drill runs on this one. As root, initdb and pg_ctl run in a user
 * namespace ({@code unshare -U}), as the embedded binaries do. Trust authentication, loopback only, port free.
 */
final class DebianPostgres implements AutoCloseable {

    static final Path BIN = Path.of(System.getenv().getOrDefault("KAP_PG_BIN", "/usr/lib/postgresql/15/bin"));

    private final Path dataDir;
    private final int port;

    private DebianPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static DebianPostgres start(Path dir) {
        if (!Files.isExecutable(BIN.resolve("pg_dump")) || !Files.isExecutable(BIN.resolve("postgres"))) {
            throw new IllegalStateException("No PostgreSQL server and pg_dump at " + BIN + ": apt-get install postgresql-15"
                    + " (or set KAP_PG_BIN to a PostgreSQL bin folder). The backup drill cannot be skipped.");
        }
        var server = new DebianPostgres(dir.resolve("data"), AppProcess.freePort());
        server.pg(List.of(BIN.resolve("initdb").toString(), "-D", server.dataDir.toString(), "-U", "postgres", "-A",
                "trust", "-E", "UTF8", "--no-locale"));
        server.pg(List.of(BIN.resolve("pg_ctl").toString(), "-D", server.dataDir.toString(), "-o",
                "-p " + server.port + " -k " + dir + " -c listen_addresses=127.0.0.1", "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "start"));
        return server;
    }

    /** A new empty database; returns its JDBC URL, user and password. */
    String[] createDatabase() {
        var name = "kap_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(url("postgres"), "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new String[] {url(name), "postgres", ""};
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void pg(List<String> command) {
        var full = new ArrayList<String>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("unshare", "-U"));
        }
        full.addAll(command);
        try {
            var process = new ProcessBuilder(full).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pg(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
    }
}
