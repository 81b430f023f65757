// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise: a write the API acknowledged (201) survives a crash. On H2 the application JVM is killed
 * with SIGKILL while writes are in flight; on PostgreSQL the database server is stopped in immediate mode (no
 * checkpoint, like a crash) while writes are in flight. Afterwards every acknowledged patient must still be there.
 *
 * <p>Runs the packaged jar as a child process (tag "process": failsafe, after {@code package}).
 *
 * <p>The test does catch weaker settings (checked by hand): with H2 at WRITE_DELAY=2000, or PostgreSQL at
 * synchronous_commit=off (zonky's default), acknowledged patients were missing afterwards. Note that on H2 a
 * WRITE_DELAY in any connection's URL (the command-line verbs connect to the running server) applies to the whole
 * database, so every URL the app uses must keep WRITE_DELAY=0.
 */
@Tag("process")
class DurabilityTests {

    private static final String ADMIN_EMAIL = "admin@durability.kapclinic.test";
    private static final String ADMIN_PASSWORD = "durability-admin-password-1";
    /** Created by {@code demo generate --patients 0}; the admin role has no patient access. */
    /** API tokens go only to accounts with two-step sign-in (ADR 026): the demo prescriber has it. */
    private static final String CLINICIAN_EMAIL = "prescriber@demo.kapclinic.test";
    private static final int WRITER_THREADS = 4;
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration VERB = Duration.ofSeconds(90);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern TOKEN = Pattern.compile("(?m)^(kap_\\S+)\\s*$");
    private static final Pattern MRN = Pattern.compile("\"mrn\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path temp;

    /** Everything started by a test, ended in reverse order after it, whether it passed or not. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    @AfterEach
    void endEverythingStarted() throws Exception {
        Exception first = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    @Test
    void h2KeepsEveryAcknowledgedWriteWhenTheApplicationIsKilledWithSigkill() throws Exception {
        var env = Map.of("KAP_DATA_DIR", temp.resolve("data").toString(), "KAP_ADMIN_EMAIL", ADMIN_EMAIL,
                "KAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        var first = track(AppProcess.start("h2-before-kill", env)).awaitHealthy(STARTUP);
        var token = clinicianToken(env);

        var writer = track(new PatientWriter(first.baseUrl(), token));
        writer.start();
        writer.awaitAcknowledged(300, Duration.ofSeconds(60));
        int inFlight = writer.awaitInFlight(Duration.ofSeconds(5));
        var killedAt = Instant.now();
        int exitCode = first.killHard();
        writer.stop();

        assertThat(exitCode).as("the JDK reports 128 + 9 for a process ended by SIGKILL").isEqualTo(137);
        assertThat(inFlight).as("writes in flight when the JVM was killed").isPositive();
        assertThat(writer.cutOffBy(killedAt)).as("requests sent before the kill that never got an answer").isPositive();
        var acknowledged = writer.acknowledged();
        assertThat(acknowledged).isNotEmpty();

        var second = track(AppProcess.start("h2-after-kill", env)).awaitHealthy(STARTUP);
        var missing = missing(second.baseUrl(), token, acknowledged);
        assertThat(missing).as("acknowledged patients missing after kill -9 and restart").isEmpty();
        assertNewWritesGetNewMrns(second.baseUrl(), token, acknowledged);
        assertAuditTrailIntact(env);

        System.out.printf("DURABILITY h2: %d writes acknowledged, %d in flight and %d cut off by SIGKILL, all %d found"
                + " after restart; outcomes %s%n", acknowledged.size(), inFlight, writer.cutOffBy(killedAt),
                acknowledged.size(), writer.outcomeCounts(o -> true));
    }

    @Test
    void postgresKeepsEveryAcknowledgedWriteWhenTheServerStopsInImmediateMode() throws Exception {
        // Always embedded PostgreSQL, even if KAP_TEST_POSTGRES_URL names a server: this test must stop the server.
        var pgData = temp.resolve("pgdata");
        int pgPort = AppProcess.freePort();
        var postgres = new Postgres(pgData, pgPort);
        track(postgres);
        postgres.start();
        postgres.createDatabase("kapclinic");
        var env = Map.of("SPRING_PROFILES_ACTIVE", "postgres", "KAP_DB_URL", postgres.jdbcUrl("kapclinic"),
                "KAP_DB_USER", "postgres", "KAP_DB_PASSWORD", "postgres", "KAP_DATA_DIR", temp.resolve("data").toString(),
                "KAP_ADMIN_EMAIL", ADMIN_EMAIL, "KAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Hikari waits 30 s for a connection by default; 3 s lets the outage be answered within the test's budget.
        var app = track(AppProcess.start("pg-app", env, "--spring.datasource.hikari.connection-timeout=3000"))
                .awaitHealthy(STARTUP);
        var token = clinicianToken(env);

        var writer = track(new PatientWriter(app.baseUrl(), token));
        writer.start();
        writer.awaitAcknowledged(200, Duration.ofSeconds(60));
        int inFlight = writer.awaitInFlight(Duration.ofSeconds(5));
        var stoppedAt = Instant.now();
        postgres.stopImmediately();
        var downAt = Instant.now(); // pg_ctl -w returned: the server is gone
        int acknowledgedBeforeStop = writer.acknowledged().size();

        // While the database is down, writes must fail (and be answered, within the client's timeout).
        writer.awaitOutcomes(o -> o.started().isAfter(downAt), 8, Duration.ofSeconds(25));
        var restartedAt = Instant.now();
        postgres.start();
        // The running application reconnects by itself: new writes are acknowledged again.
        writer.awaitAcknowledged(acknowledgedBeforeStop + 50, Duration.ofSeconds(60));
        writer.stop();

        Predicate<PatientWriter.Outcome> duringOutage = o -> o.started().isAfter(downAt)
                && o.ended().isBefore(restartedAt);
        var outage = writer.outcomeCounts(duringOutage);
        assertThat(inFlight).as("writes in flight when PostgreSQL was stopped").isPositive();
        assertThat(outage).as("while PostgreSQL is down every write is answered 503 problem+json (not 201, not 500,"
                + " no hanging request)").containsOnlyKeys("503");
        var acknowledged = writer.acknowledged();
        assertThat(acknowledged).hasSizeGreaterThan(acknowledgedBeforeStop);

        var missing = missing(app.baseUrl(), token, acknowledged);
        assertThat(missing).as("acknowledged patients missing after the immediate stop").isEmpty();
        assertThat(postgres.countPatients("kapclinic", acknowledged)).as("acknowledged rows, read directly over JDBC")
                .isEqualTo(acknowledged.size());
        assertNewWritesGetNewMrns(app.baseUrl(), token, acknowledged);

        assertAuditTrailIntact(env);

        System.out.printf("DURABILITY postgres: %d writes acknowledged (%d before the immediate stop, %d in flight at the"
                + " stop), all found after restart; requests overlapping the stop: %s; while down: %s; all outcomes %s%n",
                acknowledged.size(), acknowledgedBeforeStop, inFlight,
                writer.outcomeCounts(o -> o.started().isBefore(downAt) && o.ended().isAfter(stoppedAt)), outage,
                writer.outcomeCounts(o -> true));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Creates the demo staff accounts (no patients) and issues an API token for the intake coordinator. */
    private static String clinicianToken(Map<String, String> env) {
        AppProcess.runVerb(env, VERB, "demo", "generate", "--patients", "0");
        var output = AppProcess.runVerb(env, VERB, "admin", "token", "--email", CLINICIAN_EMAIL, "--name", "durability");
        var matcher = TOKEN.matcher(output);
        assertThat(matcher.find()).as("admin token printed a token:\n" + output).isTrue();
        return matcher.group(1);
    }

    /** Each acknowledged write left an audit entry in its transaction; the hash chain must be whole after the crash. */
    private static void assertAuditTrailIntact(Map<String, String> env) {
        var output = AppProcess.runVerb(env, VERB, "audit", "verify");
        assertThat(output).as("audit verify after the crash").contains("Audit trail intact");
    }

    /** GETs every acknowledged patient (4 at a time); returns those not answered 200, with what they got instead. */
    private static Map<String, String> missing(String baseUrl, String token, List<PatientWriter.Ack> acknowledged)
            throws InterruptedException {
        var http = PatientWriter.client();
        var executor = Executors.newFixedThreadPool(WRITER_THREADS);
        try {
            var checks = new ArrayList<Callable<String>>();
            for (var ack : acknowledged) {
                checks.add(() -> {
                    var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/patients/" + ack.id()))
                            .header("Authorization", "Bearer " + token).timeout(REQUEST_TIMEOUT).GET().build();
                    try {
                        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        return response.statusCode() == 200 && response.body().contains(ack.id()) ? null
                                : "HTTP " + response.statusCode();
                    } catch (IOException e) {
                        return e.toString();
                    }
                });
            }
            var futures = executor.invokeAll(checks, 90, TimeUnit.SECONDS);
            var result = new TreeMap<String, String>();
            for (int i = 0; i < futures.size(); i++) {
                String problem;
                try {
                    problem = futures.get(i).get();
                } catch (Exception e) {
                    problem = "not checked: " + e;
                }
                if (problem != null) {
                    result.put(acknowledged.get(i).id(), problem);
                }
            }
            return result;
        } finally {
            executor.shutdownNow();
        }
    }

    /** After the crash, new patients are still accepted and get MRNs no acknowledged patient has. */
    private static void assertNewWritesGetNewMrns(String baseUrl, String token, List<PatientWriter.Ack> acknowledged)
            throws Exception {
        var known = acknowledged.stream().map(PatientWriter.Ack::mrn).collect(Collectors.toCollection(HashSet::new));
        assertThat(known).as("acknowledged MRNs are unique").hasSize(acknowledged.size());
        var http = PatientWriter.client();
        for (int i = 0; i < 5; i++) {
            var response = http.send(PatientWriter.create(baseUrl, token, "after" + i), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("a write after the crash: " + response.body()).isEqualTo(201);
            var mrn = MRN.matcher(response.body());
            assertThat(mrn.find()).isTrue();
            assertThat(known.add(mrn.group(1))).as("MRN " + mrn.group(1) + " is new").isTrue();
        }
    }

    /**
     * Creates patients over the API from {@value #WRITER_THREADS} threads until stopped, and records the id and MRN
     * of every acknowledged (201) write and the outcome of every request. Every loop is bounded in count and time.
     */
    static final class PatientWriter implements AutoCloseable {

        record Ack(String id, String mrn) {}

        record Outcome(Instant started, Instant ended, String result) {}

        private static final Duration HARD_LIMIT = Duration.ofSeconds(150);
        private static final int MAX_REQUESTS_PER_THREAD = 20_000;

        private final HttpClient http = client();
        private final String baseUrl;
        private final String token;
        private final Queue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
        private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicLong sequence = new AtomicLong();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopped;

        PatientWriter(String baseUrl, String token) {
            this.baseUrl = baseUrl;
            this.token = token;
        }

        static HttpClient client() {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                    .build();
        }

        static HttpRequest create(String baseUrl, String token, String name) {
            var body = """
                    {"legalGivenName":"Durable","legalFamilyName":"%s","dateOfBirth":"1980-01-01",\
                    "sexAssignedAtBirth":"FEMALE"}""".formatted(name);
            return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/patients"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        }

        void start() {
            var deadline = Instant.now().plus(HARD_LIMIT);
            for (int t = 0; t < WRITER_THREADS; t++) {
                var thread = new Thread(() -> {
                    for (int i = 0; i < MAX_REQUESTS_PER_THREAD && !stopped && Instant.now().isBefore(deadline); i++) {
                        writeOne();
                    }
                }, "patient-writer-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void writeOne() {
            var request = create(baseUrl, token, "Writer" + sequence.incrementAndGet());
            var started = Instant.now();
            inFlight.incrementAndGet();
            String result;
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                result = Integer.toString(response.statusCode());
                if (response.statusCode() == 201) {
                    var location = response.headers().firstValue("Location").orElseThrow();
                    var mrn = MRN.matcher(response.body());
                    acknowledged.add(new Ack(location.substring(location.lastIndexOf('/') + 1),
                            mrn.find() ? mrn.group(1) : "?"));
                } else if (response.statusCode() >= 500 && !response.headers().firstValue("Content-Type")
                        .orElse("").startsWith("application/problem+json")) {
                    result += " (not problem+json)";
                }
            } catch (HttpTimeoutException e) {
                result = "timeout";
            } catch (IOException e) {
                result = "io: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = "interrupted";
                stopped = true;
            } finally {
                inFlight.decrementAndGet();
            }
            outcomes.add(new Outcome(started, Instant.now(), result));
            if (result.startsWith("io: ")) {
                // The server is gone (killed or restarting): do not spin on connection refusals.
                AppProcess.pause(Duration.ofMillis(50));
            }
        }

        void awaitAcknowledged(int count, Duration timeout) {
            var deadline = Instant.now().plus(timeout);
            while (acknowledged.size() < count && Instant.now().isBefore(deadline) && threads.stream().anyMatch(Thread::isAlive)) {
                AppProcess.pause(Duration.ofMillis(20));
            }
            assertThat(acknowledged.size()).as("acknowledged writes within " + timeout + "; outcomes "
                    + outcomeCounts(o -> true)).isGreaterThanOrEqualTo(Math.min(count, 1));
        }

        /** Waits (briefly) until at least one request is on the wire; returns how many are. */
        int awaitInFlight(Duration timeout) {
            var deadline = Instant.now().plus(timeout);
            int now;
            while ((now = inFlight.get()) == 0 && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            return now;
        }

        void awaitOutcomes(Predicate<Outcome> which, int count, Duration timeout) {
            var deadline = Instant.now().plus(timeout);
            while (outcomes.stream().filter(which).count() < count && Instant.now().isBefore(deadline)) {
                AppProcess.pause(Duration.ofMillis(50));
            }
        }

        List<Ack> acknowledged() {
            return List.copyOf(acknowledged);
        }

        /** Requests sent before {@code moment} that ended without any answer (connection cut). */
        long cutOffBy(Instant moment) {
            return outcomes.stream().filter(o -> o.started().isBefore(moment) && o.result().startsWith("io: ")).count();
        }

        Map<String, Long> outcomeCounts(Predicate<Outcome> which) {
            return outcomes.stream().filter(which)
                    .collect(Collectors.groupingBy(Outcome::result, TreeMap::new, Collectors.counting()));
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (var thread : threads) {
                thread.join(REQUEST_TIMEOUT.plusSeconds(5).toMillis());
            }
            assertThat(threads.stream().filter(Thread::isAlive).map(Thread::getName).toList())
                    .as("writer threads still running").isEmpty();
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            for (var thread : threads) {
                thread.interrupt();
                thread.join(REQUEST_TIMEOUT.plusSeconds(5).toMillis());
            }
        }
    }

    /**
     * An embedded PostgreSQL (zonky binaries) on a fixed data directory and port, so it can be stopped in immediate
     * mode and started again on the same files. Runs with durable settings: zonky's defaults turn
     * {@code synchronous_commit} and {@code fsync} off, which would let a crash lose acknowledged commits.
     */
    static final class Postgres implements AutoCloseable {

        private final Path dataDir;
        private final int port;
        private EmbeddedPostgres server;

        Postgres(Path dataDir, int port) {
            this.dataDir = dataDir;
            this.port = port;
        }

        void start() throws IOException {
            close();
            server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                    .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on").setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60)).start();
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        void createDatabase(String name) throws Exception {
            try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                    var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
        }

        long countPatients(String database, List<PatientWriter.Ack> acknowledged) throws Exception {
            try (var connection = DriverManager.getConnection(jdbcUrl(database), "postgres", "");
                    var statement = connection.prepareStatement("SELECT COUNT(*) FROM patient WHERE id = ANY (?)")) {
                statement.setArray(1, connection.createArrayOf("uuid",
                        acknowledged.stream().map(a -> UUID.fromString(a.id())).toArray()));
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }

        /** {@code pg_ctl stop -m immediate}: the postmaster and backends quit at once, without a checkpoint. */
        void stopImmediately() throws Exception {
            var command = new ArrayList<String>();
            if (LinuxUtils.isUnshareAvailable()) {
                // As root, like zonky itself: pg_ctl refuses to run as root, so run it in a user namespace.
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(pgCtl().toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "20",
                    "stop"));
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            boolean done = process.waitFor(30, TimeUnit.SECONDS);
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(done && process.exitValue() == 0).as("pg_ctl stop -m immediate: " + output).isTrue();
        }

        /** The pg_ctl next to the running postmaster (its pid is the first line of postmaster.pid). */
        private Path pgCtl() throws IOException {
            var pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            var fromProcess = ProcessHandle.of(pid).flatMap(p -> p.info().command())
                    .map(command -> Path.of(command).resolveSibling("pg_ctl")).filter(Files::isExecutable);
            if (fromProcess.isPresent()) {
                return fromProcess.get();
            }
            var extracted = Path.of(System.getProperty("ot.epg.working-dir",
                    Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
            try (Stream<Path> dirs = Files.list(extracted)) {
                return dirs.map(dir -> dir.resolve("bin").resolve("pg_ctl")).filter(Files::isExecutable).findFirst()
                        .orElseThrow(() -> new IllegalStateException("No pg_ctl for postmaster " + pid + " under "
                                + extracted));
            }
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                var closing = server;
                server = null;
                closing.close();
            }
        }
    }
}
