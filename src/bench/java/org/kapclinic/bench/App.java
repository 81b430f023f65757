// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged jar as a child process: the command-line verbs (demo generate, admin token) and the server, bound to
 * 127.0.0.1 on a free port. Measures startup (the "Started ... in X seconds" line and the time until
 * /actuator/health answers 200) and reads the server's resident memory from /proc.
 */
final class App implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile(
            "Started KapClinicApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    /** Where the data lives: environment for the jar, and a JDBC URL for the driver's own SQL probes. */
    record Db(String name, Map<String, String> env, String jdbcUrl, String user, String password) {}

    private final Process process;
    private final Path log;
    private final long launchedNanos;
    final int port;
    final String base;
    double startedInSeconds = Double.NaN;
    double jvmRunningSeconds = Double.NaN;
    double healthySeconds = Double.NaN;

    private App(Process process, Path log, long launchedNanos, int port) {
        this.process = process;
        this.log = log;
        this.launchedNanos = launchedNanos;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Runs a verb of the jar to completion and returns what it printed on stdout; fails on a non-zero exit. */
    static String verb(Path jar, Db db, Path log, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(java().toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(db.env());
        var process = builder.start();
        process.getOutputStream().close();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("`" + String.join(" ", args) + "` failed (exit "
                    + (process.isAlive() ? "timeout" : process.exitValue()) + "); stdout: " + out + "; stderr in " + log);
        }
        Files.writeString(log, out, java.nio.file.StandardOpenOption.APPEND);
        return out;
    }

    static App start(Path jar, Db db, List<String> jvmFlags, Path log) throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<String>();
        command.add(java().toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--server.servlet.session.cookie.secure=false"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(db.env());
        long launched = System.nanoTime();
        var process = builder.start();
        process.getOutputStream().close();
        return new App(process, log, launched, port);
    }

    /** Waits until /actuator/health answers 200 and the startup line is logged; records both times. */
    App awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Double.isNaN(healthySeconds)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The server did not become healthy within " + timeout + "; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    healthySeconds = (System.nanoTime() - launchedNanos) / 1e9;
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        for (int i = 0; i < 100 && Double.isNaN(startedInSeconds); i++) {
            var m = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                startedInSeconds = Double.parseDouble(m.group(1));
                jvmRunningSeconds = Double.parseDouble(m.group(2));
            } else {
                Thread.sleep(50);
            }
        }
        return this;
    }

    long pid() {
        return process.pid();
    }

    /** VmRSS (resident now) and VmHWM (peak resident) in MiB, from /proc/PID/status. */
    double[] residentMiB() throws IOException {
        double rss = Double.NaN;
        double hwm = Double.NaN;
        for (var line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line) / 1024.0;
            } else if (line.startsWith("VmHWM:")) {
                hwm = kib(line) / 1024.0;
            }
        }
        return new double[] {rss, hwm};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
