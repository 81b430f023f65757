// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.Driver;

/**
 * PostgreSQL's own client programs, {@code pg_dump} and {@code pg_restore}, run against the database the app is
 * configured for (ADR 028). They come from {@code --pg-bin DIR}, else {@code KAP_PG_BIN}, else the PATH. Their major
 * version must be at least the server's (pg_dump refuses a newer server). The password goes in PGPASSWORD, never on
 * the command line.
 */
final class PostgresTools {

    private final Path bin;
    private final Properties target;
    private final String password;

    private PostgresTools(Path bin, Properties target, String password) {
        this.bin = bin;
        this.target = target;
        this.password = password;
    }

    record Result(int exitCode, String output) {}

    /** Empty if {@code program} is in neither the given folder, KAP_PG_BIN nor the PATH. */
    static Optional<Path> find(String program, String pgBin) {
        var folders = new ArrayList<String>();
        if (pgBin != null && !pgBin.isBlank()) {
            folders.add(pgBin);
        } else {
            var fromEnv = System.getenv("KAP_PG_BIN");
            if (fromEnv != null && !fromEnv.isBlank()) {
                folders.add(fromEnv);
            }
            folders.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)));
        }
        return folders.stream().filter(f -> !f.isBlank()).map(f -> Path.of(f, program)).filter(Files::isExecutable)
                .findFirst();
    }

    static PostgresTools forUrl(Path bin, String jdbcUrl, String user, String password) {
        var properties = Driver.parseURL(jdbcUrl, null);
        if (properties == null) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        }
        var pw = password != null && !password.isBlank() ? password : properties.getProperty("password", "");
        return new PostgresTools(bin, properties, pw);
    }

    List<String> dumpCommand(Path file) {
        var command = new ArrayList<String>(List.of(bin.resolve("pg_dump").toString(), "--format=custom",
                "--file=" + file));
        command.addAll(connection());
        schema().ifPresent(schema -> command.add("--schema=" + schema));
        return command;
    }

    /** One transaction: a restore that fails half-way leaves the target as it was. */
    List<String> restoreCommand(Path file) {
        var command = new ArrayList<String>(List.of(bin.resolve("pg_restore").toString(), "--no-owner",
                "--no-privileges", "--single-transaction", "--exit-on-error"));
        command.addAll(connection());
        command.add(file.toString());
        return command;
    }

    private List<String> connection() {
        var command = new ArrayList<String>();
        command.add("--host=" + target.getProperty("PGHOST", "localhost").split(",")[0]);
        command.add("--port=" + target.getProperty("PGPORT", "5432").split(",")[0]);
        var user = target.getProperty("user");
        if (user != null && !user.isBlank()) {
            command.add("--username=" + user);
        }
        command.add("--dbname=" + target.getProperty("PGDBNAME"));
        command.add("--no-password");
        return command;
    }

    private Optional<String> schema() {
        return Optional.ofNullable(target.getProperty("currentSchema")).filter(s -> !s.isBlank());
    }

    /** The command as an operator would type it (password left out). */
    static String shell(List<String> command) {
        return "PGPASSWORD=... " + String.join(" ", command.stream()
                .map(a -> a.matches("[A-Za-z0-9_./=:@-]+") ? a : "'" + a.replace("'", "'\\''") + "'").toList());
    }

    Result run(List<String> command) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!password.isEmpty()) {
            builder.environment().put("PGPASSWORD", password);
        }
        try {
            var process = builder.start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(6, TimeUnit.HOURS)) {
                process.destroyForcibly();
                return new Result(1, output + "\n(timed out)");
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            return new Result(1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(1, "interrupted");
        }
    }
}
