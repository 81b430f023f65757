// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "An alert is never lost": positive PHQ-9s (item 9 answered) are posted from four threads, the server is killed with
 * SIGKILL while they are in flight, and after a restart every submission the server acknowledged (201) is still there
 * with the safety alert it raised or joined. The alert is written in the same transaction as the answers
 * (docs/adr/010-safety-alerts-in-the-answers-transaction.md), so this holds by construction; the test proves it on
 * the packaged jar (tag "process").
 */
@Tag("process")
class SafetyAlertDurabilityTests {

    private static final String ADMIN_EMAIL = "admin@durability.kapclinic.test";
    private static final String ADMIN_PASSWORD = "durability-admin-password-1";
    /** Created by {@code demo generate --patients 0}: a prescriber may record assessments. */
    private static final String CLINICIAN_EMAIL = "prescriber@demo.kapclinic.test";
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration VERB = Duration.ofSeconds(90);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern TOKEN = Pattern.compile("(?m)^(kap_\\S+)\\s*$");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final int THREADS = 4;
    private static final int PATIENTS = 8;

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedPositiveSubmissionHasItsAlertAfterKillNineAndRestart() throws Exception {
        var env = Map.of("KAP_DATA_DIR", temp.resolve("data").toString(), "KAP_ADMIN_EMAIL", ADMIN_EMAIL,
                "KAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        try (var first = AppProcess.start("safety-before-kill", env).awaitHealthy(STARTUP)) {
            var token = clinicianToken(env);
            var patients = new ArrayList<String>();
            for (int i = 0; i < PATIENTS; i++) {
                var response = send(first.baseUrl(), token, "POST", "/api/v1/patients", """
                        {"legalGivenName":"Alerta","legalFamilyName":"Durableson%c","dateOfBirth":"1980-01-01",\
                        "sexAssignedAtBirth":"FEMALE"}""".formatted((char) ('a' + i)));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                patients.add(id(response.body()));
            }

            var acknowledged = new ConcurrentLinkedQueue<String>();
            var outcomes = new ConcurrentLinkedQueue<String>();
            var inFlight = new AtomicInteger();
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            var threads = new ArrayList<Thread>();
            var deadline = Instant.now().plusSeconds(120);
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                var worker = new Thread(() -> {
                    for (int n = 0; n < 20_000 && !stop.get() && Instant.now().isBefore(deadline); n++) {
                        var patient = patients.get((thread + n) % PATIENTS);
                        int item9 = 1 + n % 3;
                        inFlight.incrementAndGet();
                        try {
                            var response = send(first.baseUrl(), token, "POST", "/api/v1/patients/" + patient
                                    + "/assessments", "{\"instrument\":\"phq9\",\"answers\":{\"1\":1,\"2\":1,\"3\":1,"
                                    + "\"4\":1,\"5\":1,\"6\":1,\"7\":1,\"8\":1,\"9\":" + item9 + "}}");
                            outcomes.add(String.valueOf(response.statusCode()));
                            if (response.statusCode() == 201) {
                                acknowledged.add(id(response.body()));
                            }
                        } catch (IOException e) {
                            outcomes.add("io");
                            AppProcess.pause(Duration.ofMillis(50));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                }, "assessment-writer-" + t);
                worker.setDaemon(true);
                threads.add(worker);
                worker.start();
            }
            awaitCount(acknowledged, 150, Duration.ofSeconds(60));
            var waitForFlight = Instant.now().plusSeconds(5);
            while (inFlight.get() == 0 && Instant.now().isBefore(waitForFlight)) {
                Thread.onSpinWait();
            }
            int flying = inFlight.get();
            int exit = first.killHard();
            stop.set(true);
            for (var thread : threads) {
                thread.join(TIMEOUT.plusSeconds(5).toMillis());
            }
            assertThat(exit).as("SIGKILL").isEqualTo(137);
            assertThat(flying).as("submissions in flight at the kill").isPositive();
            var acked = List.copyOf(acknowledged);

            try (var second = AppProcess.start("safety-after-kill", env).awaitHealthy(STARTUP)) {
                var missing = new TreeMap<String, String>();
                for (var assessment : acked) {
                    var stored = send(second.baseUrl(), token, "GET", "/api/v1/assessments/" + assessment, null);
                    if (stored.statusCode() != 200) {
                        missing.put(assessment, "assessment: HTTP " + stored.statusCode());
                        continue;
                    }
                    var alerts = send(second.baseUrl(), token, "GET", "/api/v1/safety/alerts?source=" + assessment, null);
                    if (alerts.statusCode() != 200 || !ID.matcher(alerts.body()).find()) {
                        missing.put(assessment, "alert: HTTP " + alerts.statusCode() + " " + alerts.body());
                    }
                }
                assertThat(missing.keySet()).as("acknowledged positive submissions without their alert after kill -9;"
                        + " first: " + missing.entrySet().stream().limit(3).toList()).isEmpty();
                System.out.printf("DURABILITY safety: %d positive PHQ-9s acknowledged, %d in flight at SIGKILL, every"
                        + " one found with its alert after restart; outcomes %s%n", acked.size(), flying, counts(outcomes));
            }
        }
    }

    private static Map<String, Long> counts(Queue<String> outcomes) {
        var counts = new TreeMap<String, Long>();
        outcomes.forEach(o -> counts.merge(o, 1L, Long::sum));
        return counts;
    }

    private static void awaitCount(Queue<String> queue, int count, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (queue.size() < count && Instant.now().isBefore(deadline)) {
            AppProcess.pause(Duration.ofMillis(20));
        }
        assertThat(queue.size()).as("acknowledged submissions").isGreaterThanOrEqualTo(1);
    }

    private HttpResponse<String> send(String base, String token, String method, String path, String body)
            throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(String json) {
        var matcher = ID.matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }

    private static String clinicianToken(Map<String, String> env) {
        AppProcess.runVerb(env, VERB, "demo", "generate", "--patients", "0");
        var output = AppProcess.runVerb(env, VERB, "admin", "token", "--email", CLINICIAN_EMAIL, "--name", "durability");
        var matcher = TOKEN.matcher(output);
        assertThat(matcher.find()).as("admin token printed a token:\n" + output).isTrue();
        return matcher.group(1);
    }
}
