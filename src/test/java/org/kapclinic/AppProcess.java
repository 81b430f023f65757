// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code java -jar target/kap-clinic.jar}) as a child process, for tests that must kill it
 * or restart it (tag "process", run by failsafe after {@code package}). It listens on 127.0.0.1 only, on a free port,
 * and its output goes to a log file under target/process-logs. {@link #close()} always ends it.
 */
public final class AppProcess implements AutoCloseable {

    /** Small heap and a quick JIT: these tests start the jar several times on two cores. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            // H2's AUTO_SERVER port (used by the command-line verbs) listens on loopback only as well.
            "-Dh2.bindAddress=127.0.0.1");

    /** Children still running when the test JVM exits (e.g. interrupted) are ended by a shutdown hook. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "app-process-reaper"));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The jar failsafe passes in {@code kap.test.jar} (target/kap-clinic.jar when run from an IDE after package). */
    public static Path jar() {
        var jar = Path.of(System.getProperty("kap.test.jar", "target/kap-clinic.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged jar at " + jar + ": run ./mvnw package (or verify) first.");
        }
        return jar;
    }

    /** Starts the server with {@code env} added to this JVM's environment. Call {@link #awaitHealthy} next. */
    public static AppProcess start(String name, Map<String, String> env, String... args) {
        int port = freePort();
        var command = new ArrayList<String>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar().toString());
        command.add("--server.address=127.0.0.1");
        command.add("--server.port=" + port);
        command.addAll(List.of(args));
        var log = logFile(name);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            var process = builder.start();
            RUNNING.add(process);
            process.onExit().thenAccept(RUNNING::remove);
            return new AppProcess(name, process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /**
     * Runs a command-line verb of the jar ({@code admin token ...}, {@code demo generate ...}) to completion and
     * returns its standard output. Fails unless it exits with 0 within {@code timeout}.
     */
    public static String runVerb(Map<String, String> env, Duration timeout, String... args) {
        var command = new ArrayList<String>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        var log = logFile("verb-" + String.join("-", List.of(args).subList(0, Math.min(2, args.length))));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = null;
        try {
            process = builder.start();
            RUNNING.add(process);
            process.onExit().thenAccept(RUNNING::remove);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Verb " + List.of(args) + " did not finish within " + timeout
                        + ":\n" + tail(log));
            }
            var output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Verb " + List.of(args) + " exited with " + process.exitValue()
                        + ":\n" + tail(log));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Polls GET /actuator/health until it answers 200; fails at once if the process dies meanwhile. */
    public AppProcess awaitHealthy(Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(2))
                .GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was healthy:\n"
                        + tail(log));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + ":\n" + tail(log));
    }

    /**
     * kill -9: on Linux {@link Process#destroyForcibly()} sends SIGKILL (the JDK's ProcessImpl uses signal 9 for a
     * forcible destroy), so no shutdown hook, no H2 close and no flush runs. Returns the exit code, which the JDK
     * reports as 128 + 9 = 137 for a process ended by SIGKILL.
     */
    public int killHard() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    public String logTail() {
        return tail(log);
    }

    /** Always ends the process (SIGKILL if it is still running); safe to call twice. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A short pause inside a polling loop that has its own deadline. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path logFile(String name) {
        try {
            var dir = Path.of("target", "process-logs").toAbsolutePath();
            Files.createDirectories(dir);
            return dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + System.currentTimeMillis() + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }
}
