// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load on the API with a bearer token: N client threads, each sending its next request as soon as the
 * previous one answered. Every series is bounded by a request count and a time limit, and goes to 127.0.0.1 only.
 */
final class Load {

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private final HttpClient http;
    private final String base;
    private final String token;
    private final Duration requestTimeout;
    final AtomicReference<String> firstError = new AtomicReference<>();

    Load(String base, String token, Duration requestTimeout) {
        if (!base.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("Benchmarks send traffic to 127.0.0.1 only, not " + base);
        }
        this.base = base;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** One request; returns the body, or throws unless the status is {@code expected}. */
    String send(HttpRequest request, int expected) throws Exception {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }

    /** One GET; returns the body of a 200, or throws. */
    String get(String path) throws Exception {
        var response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    }

    /** Result of one series: latency statistics and the mean "total" the searches reported. */
    record Series(Stats stats, double meanTotal) {}

    Series run(String name, List<String> paths, int concurrency, int maxRequests, Duration maxTime)
            throws InterruptedException {
        return run(name, i -> request(paths.get(i % paths.size())), 200, concurrency, maxRequests, maxTime);
    }

    /** A public JSON POST without credentials (the inquiry API). */
    HttpRequest postJson(String path, String json, String idempotencyKey) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** A JSON POST with the bearer token. */
    HttpRequest bearerPost(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** GET of a page with a signed-in session cookie (pages take no tokens) and extra headers, name-value pairs. */
    HttpRequest cookieGet(String path, String session, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                .header("Cookie", "KAPSESSION=" + session).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    /** GET with the bearer token. */
    HttpRequest bearerGet(String path) {
        return request(path);
    }

    /** Closed-loop series of the i-th request from {@code requestFor}; answers other than {@code expected} are errors. */
    Series run(String name, java.util.function.IntFunction<HttpRequest> requestFor, int expected, int concurrency,
            int maxRequests, Duration maxTime) throws InterruptedException {
        var issued = new AtomicInteger();
        var errors = new AtomicInteger();
        var nanos = Collections.synchronizedList(new ArrayList<Long>());
        var totals = Collections.synchronizedList(new ArrayList<Long>());
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        var workers = new ArrayList<Thread>();
        for (int w = 0; w < concurrency; w++) {
            var worker = new Thread(() -> {
                while (true) {
                    int i = issued.getAndIncrement();
                    if (i >= maxRequests || System.nanoTime() > deadline) {
                        return;
                    }
                    var request = requestFor.apply(i);
                    var path = request.method() + " " + request.uri().getPath();
                    long t0 = System.nanoTime();
                    try {
                        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long dt = System.nanoTime() - t0;
                        if (response.statusCode() == expected) {
                            nanos.add(dt);
                            var m = TOTAL.matcher(response.body());
                            if (m.find()) {
                                totals.add(Long.parseLong(m.group(1)));
                            }
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, path + " -> " + response.statusCode());
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, path + " -> " + e);
                    }
                }
            }, "bench-" + name + "-" + w);
            worker.start();
            workers.add(worker);
        }
        for (var worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double meanTotal = totals.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
        return new Series(Stats.of(name, nanos, errors.get(), seconds), meanTotal);
    }
}
