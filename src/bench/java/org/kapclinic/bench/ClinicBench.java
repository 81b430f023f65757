// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kapclinic.demo.SyntheticNames;
import org.kapclinic.patients.SearchProbe;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The benchmark driver ({@code ./mvnw -B -o -Pbench -DskipTests package}, see docs/performance.md). For each database
 * it loads synthetic patients with the jar's own {@code demo generate} verb, starts the packaged jar, and measures
 * patient search over HTTP, sign-in to first page, intake, measures, scheduling, the dosing day's monitoring board, the
 * care timeline of a long-history patient, the search SQL on its own (with EXPLAIN), and startup time and resident memory for two sets of JVM flags. It prints a Markdown report and writes it under target/bench/.
 *
 * <p>Figures are never compared with thresholds: the only failures are functional (a server that does not start, an
 * answer other than 200, a refused sign-in), so a tiny run ({@code -Dbench.patients=100}) checks that it still works.
 */
public final class ClinicBench {

    static final String EMAIL = "intake@demo.kapclinic.test";
    /** Measures and safety are clinical: the measures phase uses a prescriber's token. */
    static final String CLINICIAN = "prescriber@demo.kapclinic.test";
    /** The demo prescriber's public authenticator key (README, ADR 026). */
    static final String CLINICIAN_TOTP = "KAPDEMOPRESCRIBERTOTPSYNTHETICAA";
    /** The dosing board is a page for nurses and prescribers signed in with a session; tokens are not accepted. */
    static final String NURSE = "nurse@demo.kapclinic.test";
    static final String PASSWORD = "demo-clinic-2026";
    static final List<String> STEMS = List.of("mock", "test", "fict", "synth", "demo", "sample", "dumm", "proto",
            "pseudo", "faux", "stub", "sim");
    static final List<String> ALL_KINDS = List.of("name-prefix", "given-prefix", "name-two-words", "dob", "mrn", "list",
            "list-deep");
    static final Map<String, String> JVM_SETS = new LinkedHashMap<>();

    static {
        JVM_SETS.put("default flags", "");
        JVM_SETS.put("-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    }

    private final int patients = Integer.getInteger("bench.patients", 100_000);
    private final boolean tiny = patients < 10_000;
    private final List<String> dbs = list("bench.db", "h2");
    private final List<String> phases = list("bench.phases",
            "search,signin,intake,measures,schedule,dosing,timeline,outcomes,sql,startup");
    private final List<String> kinds = list("bench.kinds", String.join(",", ALL_KINDS));
    private final List<Integer> concurrency = list("bench.concurrency", "1,4").stream().map(Integer::valueOf).toList();
    private final Duration seriesTime = Duration.ofSeconds(Integer.getInteger("bench.seconds", tiny ? 2 : 15));
    private final int seriesMax = Integer.getInteger("bench.requests", tiny ? 100 : 3000);
    private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", tiny ? 1 : 5));
    private final int signIns = Integer.getInteger("bench.signins", tiny ? 3 : 50);
    private final int startups = Integer.getInteger("bench.startups", tiny ? 1 : 3);
    private final Duration requestTimeout = Duration.ofSeconds(Integer.getInteger("bench.timeout", 120));
    private final boolean keep = Boolean.getBoolean("bench.keep");
    private final Path jar = Path.of(System.getProperty("bench.jar", "target/kap-clinic.jar")).toAbsolutePath();
    private final Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
    private final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private final StringBuilder report = new StringBuilder();
    private final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new ClinicBench().run();
    }

    private static List<String> list(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    void run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run with `package` so the jar is built first");
        }
        Files.createDirectories(out);
        line("# KAP Clinic benchmark " + stamp);
        line("");
        line("- patients: " + patients + (tiny ? " (tiny run: short series, figures meaningless)" : ""));
        line("- machine: " + machine());
        line("- series: at most " + seriesMax + " requests or " + seriesTime.toSeconds() + " s each, warm-up "
                + warmup.toSeconds() + " s per kind, concurrency " + concurrency + ", loopback only");
        line("- bcrypt cost 12, one matches() in the driver JVM: " + Stats.ms(bcryptMs()) + " ms (median of 5)");
        for (var db : dbs) {
            runOn(db);
        }
        var file = out.resolve("report-" + stamp + ".md");
        Files.writeString(file, report);
        System.out.println("\nReport written to " + file);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The benchmark found functional problems (timings are never checked): "
                    + problems);
        }
    }

    private void runOn(String engine) throws Exception {
        var workDir = out.resolve(engine + "-" + stamp);
        Files.createDirectories(workDir);
        var db = database(engine, workDir);
        var log = workDir.resolve("verbs.log");
        line("");
        line("## " + engine + " (" + patients + " patients)");
        line("");
        long t0 = System.nanoTime();
        var generated = App.verb(jar, db, log, "demo", "generate", "--patients", Integer.toString(patients));
        line("- `demo generate --patients " + patients + "`: " + String.format("%.1f s", (System.nanoTime() - t0) / 1e9)
                + " (" + generated.lines().findFirst().orElse("").trim() + ")");
        var token = App.verb(jar, db, log, "admin", "token", "--email", CLINICIAN, "--name", "bench-" + stamp).lines()
                .filter(l -> l.startsWith("kap_")).findFirst()
                .orElseThrow(() -> new IllegalStateException("admin token printed no token; see " + log));
        // the per-address limit on public inquiries would stop a load driver on one address after five
        try (var app = App.start(jar, db, List.of("-Dkap.intake.max-submissions-per-address=1000000000"),
                workDir.resolve("server.log"))) {
            app.awaitHealthy(Duration.ofMinutes(5));
            line("- server (default flags) pid " + app.pid() + ": started in " + app.startedInSeconds
                    + " s, /actuator/health 200 after " + String.format("%.1f", app.healthySeconds) + " s");
            var load = new Load(app.base, token, requestTimeout);
            var terms = terms(load);
            if (phases.contains("search")) {
                search(load, terms, app);
            }
            if (phases.contains("signin")) {
                signIn(app);
            }
            if (phases.contains("intake")) {
                intake(load);
            }
            if (phases.contains("measures")) {
                var clinicianToken = App.verb(jar, db, log, "admin", "token", "--email", CLINICIAN, "--name",
                                "bench-clinician-" + stamp).lines().filter(l -> l.startsWith("kap_")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("admin token printed no token; see " + log));
                measures(new Load(app.base, clinicianToken, requestTimeout));
            }
            if (phases.contains("schedule")) {
                var clinicianToken = App.verb(jar, db, log, "admin", "token", "--email", CLINICIAN, "--name",
                                "bench-schedule-" + stamp).lines().filter(l -> l.startsWith("kap_")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("admin token printed no token; see " + log));
                schedule(new Load(app.base, clinicianToken, requestTimeout));
            }
            if (phases.contains("dosing")) {
                dosing(load, app, db, generated);
            }
            if (phases.contains("timeline")) {
                timeline(load, app, db);
            }
            if (phases.contains("fhir-validate")) {
                fhirValidate(app, db, log);
            }
            if (phases.contains("outcomes")) {
                outcomes(load, app, db);
            }
            if (phases.contains("sql")) {
                sql(db, terms, workDir.resolve("explain.txt"));
            }
            var rss = app.residentMiB();
            line("- server RSS at the end: " + String.format("%.0f MiB (peak %.0f MiB)", rss[0], rss[1]));
        }
        if (phases.contains("startup")) {
            startup(db, token, workDir);
        }
        line("- load average at the end: " + loadAverage());
        if (!keep) {
            cleanUp(engine, db, workDir);
        }
    }

    // --- search --------------------------------------------------------------------------------------------------

    /** Query paths per kind, rotated so that no two consecutive requests repeat (H2 reuses a repeated query's result). */
    private Map<String, List<String>> terms(Load load) throws Exception {
        var random = new Random(20261126L);
        var byKind = new LinkedHashMap<String, List<String>>();
        byKind.put("name-prefix", STEMS.stream().map(ClinicBench::path).toList());
        var given = new LinkedHashSet<String>();
        var twoWords = new LinkedHashSet<String>();
        for (int i = 0; i < 400; i++) {
            given.add(SyntheticNames.given(random).substring(0, 3).toLowerCase(Locale.ROOT));
            twoWords.add((SyntheticNames.family(random) + " " + SyntheticNames.given(random)).toLowerCase(Locale.ROOT));
        }
        byKind.put("given-prefix", given.stream().map(ClinicBench::path).toList());
        byKind.put("name-two-words", twoWords.stream().limit(200).map(ClinicBench::path).toList());
        var dates = new ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            dates.add(LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
        }
        byKind.put("dob", dates.stream().map(ClinicBench::path).toList());
        var mrns = new LinkedHashSet<String>();
        var mrn = Pattern.compile("\"mrn\":\"([^\"]+)\"");
        for (int i = 0; i < 60 && mrns.size() < 200; i++) {
            var m = mrn.matcher(load.get(path(dates.get(i))));
            while (m.find()) {
                mrns.add(m.group(1));
            }
        }
        for (int page = 0; mrns.size() < 20 && page < 4; page++) {
            var m = mrn.matcher(load.get("/api/v1/patients?q=&page=" + page));
            while (m.find()) {
                mrns.add(m.group(1));
            }
        }
        byKind.put("mrn", mrns.stream().map(ClinicBench::path).toList());
        byKind.put("list", List.of("/api/v1/patients?q="));
        int pages = Math.max(1, Math.min(400, patients / 25));
        var deep = new ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            deep.add("/api/v1/patients?q=&page=" + (1 + random.nextInt(pages)));
        }
        byKind.put("list-deep", deep);
        byKind.keySet().retainAll(kinds);
        return byKind;
    }

    private static String path(String q) {
        return "/api/v1/patients?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private void search(Load load, Map<String, List<String>> terms, App app) throws Exception {
        for (var kind : terms.entrySet()) {
            load.run("warm-up " + kind.getKey(), kind.getValue(), 1, seriesMax, warmup);
        }
        var rss = app.residentMiB();
        line("- server RSS after warm-up: " + String.format("%.0f MiB (peak %.0f MiB)", rss[0], rss[1])
                + "; load average " + loadAverage());
        line("");
        line("Search over HTTP: GET /api/v1/patients?q=... with a bearer token (each request also writes two audit "
                + "entries: API_TOKEN_USED and PATIENT_SEARCHED).");
        line("");
        line("| kind | example | mean total | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : concurrency) {
            for (var kind : terms.entrySet()) {
                var series = load.run(kind.getKey(), kind.getValue(), c, seriesMax, seriesTime);
                var s = series.stats();
                line(String.format(Locale.ROOT, "| %s | `%s` | %.0f | %d | %d | %d | %.1f | %s | %s | %s | %s |",
                        kind.getKey(), describe(kind.getValue().get(0)), series.meanTotal(), c, s.count(), s.errors(),
                        s.throughput(), Stats.ms(s.percentileMs(50)), Stats.ms(s.percentileMs(95)),
                        Stats.ms(s.percentileMs(99)), Stats.ms(s.maxMs())));
                if (s.errors() > 0) {
                    problems.add(kind.getKey() + ": " + s.errors() + " errors, first: " + load.firstError.get());
                }
            }
        }
        line("");
    }

    /** The q parameter of a search path. */
    private static String example(String path) {
        var q = path.substring(path.indexOf("?q=") + 3);
        int amp = q.indexOf('&');
        return java.net.URLDecoder.decode(amp < 0 ? q : q.substring(0, amp), StandardCharsets.UTF_8);
    }

    private static String describe(String path) {
        int page = page(path);
        return "q=" + example(path) + (page > 0 ? " page=" + page : "");
    }

    // --- intake ----------------------------------------------------------------------------------------------------

    private static String inquiry(int i, String run) {
        return """
                {"firstName":"Bench","lastName":"Loadson%s%d","email":"bench%d@example.test","preferredContact":"email",
                 "state":"AZ","dateOfBirth":"1984-03-07","concerns":["treatment-resistant-depression","anxiety"],
                 "message":"Tried %d medicines; evenings work best. I am not suicidal.","interest":"kap",
                 "modality":"either","insurance":"Aetna","availability":[{"day":"TUE","from":"17:00","to":"20:00"}],
                 "consentToContact":true}""".formatted(run, i, i, i % 7);
    }

    /** Public submissions (crisis screen, reply clock, insert, audit, outbox) and staff match lists over HTTP. */
    private void intake(Load load) throws Exception {
        var run = Long.toString(System.nanoTime(), 36);
        load.run("warm-up inquiries", i -> load.postJson("/api/v1/inquiries", inquiry(i, run + "w"), run + "w" + i), 201,
                1, seriesMax, warmup);
        var ids = new ArrayList<String>();
        var id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
        for (int i = 0; i < 20; i++) {
            var m = id.matcher(load.send(load.postJson("/api/v1/inquiries", inquiry(i, run + "m"), run + "m" + i), 201));
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        line("");
        line("Intake over HTTP: POST /api/v1/inquiries (public; validation, crisis screen, reply clock, insert, audit "
                + "entry, acknowledgment in the outbox, all in one transaction) and GET /api/v1/inquiries/{id}/matches "
                + "(bearer token; audited read, ranking over the clinic's therapists).");
        line("");
        line("| request | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : concurrency) {
            var posts = load.run("inquiries", i -> load.postJson("/api/v1/inquiries", inquiry(i, run + c), run + c + "-" + i),
                    201, c, seriesMax, seriesTime);
            row("POST /api/v1/inquiries", c, posts.stats(), load);
            var matches = load.run("matches", i -> load.bearerGet("/api/v1/inquiries/" + ids.get(i % ids.size()) + "/matches"),
                    200, c, seriesMax, seriesTime);
            row("GET /api/v1/inquiries/{id}/matches", c, matches.stats(), load);
        }
        line("");
    }

    // --- measures ---------------------------------------------------------------------------------------------------

    private static String phq9(int i, int item9) {
        return "{\"instrument\":\"phq9\",\"answers\":{\"1\":" + (i % 4) + ",\"2\":1,\"3\":2,\"4\":1,\"5\":0,"
                + "\"6\":1,\"7\":" + (i % 3) + ",\"8\":0,\"9\":" + item9 + "}}";
    }

    /**
     * Stored administrations over HTTP with a clinician's token: a negative PHQ-9 (score, insert, audit), a positive
     * one (the same plus the safety alert raised or joined in the same transaction, and the page in the outbox), and
     * the trajectory read.
     */
    private void measures(Load load) throws Exception {
        var id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
        var patientIds = new ArrayList<String>();
        var m = id.matcher(load.get("/api/v1/patients?q=&page=0"));
        while (m.find() && patientIds.size() < 20) {
            patientIds.add(m.group(1));
        }
        if (patientIds.isEmpty()) {
            throw new IllegalStateException("No patients to measure");
        }
        load.run("warm-up assessments", i -> load.bearerPost("/api/v1/patients/" + patientIds.get(i % patientIds.size())
                + "/assessments", phq9(i, 0)), 201, 1, seriesMax, warmup);
        line("");
        line("Measures over HTTP with a prescriber's token, over " + patientIds.size() + " patients: POST "
                + "/api/v1/patients/{id}/assessments (score, insert, audit; when item 9 is positive also the safety alert "
                + "raised or joined and the page queued, in the same transaction) and GET "
                + "/api/v1/patients/{id}/trajectories/phq9 (audited read, response and remission).");
        line("");
        line("| request | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : concurrency) {
            var negative = load.run("phq9 negative", i -> load.bearerPost("/api/v1/patients/"
                    + patientIds.get(i % patientIds.size()) + "/assessments", phq9(i, 0)), 201, c, seriesMax, seriesTime);
            row("POST assessments, PHQ-9 item 9 = 0", c, negative.stats(), load);
            var positive = load.run("phq9 positive", i -> load.bearerPost("/api/v1/patients/"
                    + patientIds.get(i % patientIds.size()) + "/assessments", phq9(i, 1 + i % 3)), 201, c, seriesMax,
                    seriesTime);
            row("POST assessments, PHQ-9 item 9 > 0 (alert)", c, positive.stats(), load);
            var trajectories = load.run("trajectory", i -> load.bearerGet("/api/v1/patients/"
                    + patientIds.get(i % patientIds.size()) + "/trajectories/phq9"), 200, c, seriesMax, seriesTime);
            row("GET trajectories/phq9", c, trajectories.stats(), load);
        }
        line("");
    }

    // --- schedule ---------------------------------------------------------------------------------------------------

    /**
     * Booking and the day view over HTTP with a prescriber's token, at the demo's first location (4 chairs, one nurse on
     * shift 08:00-17:00 on weekdays). Every booking is an IV dosing session laid out so that none clashes: four at
     * 09:00, four at 11:30 and four at 14:00 on each weekday, which fills the chairs and the nurse's 1:4 capacity
     * exactly. Each booking therefore runs every rule (locks, overlaps, nurse capacity at each moment) and succeeds.
     */
    private void schedule(Load load) throws Exception {
        var ids = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
        var locations = load.get("/api/v1/locations");
        var lm = ids.matcher(locations);
        if (!lm.find()) {
            throw new IllegalStateException("No location to book at");
        }
        var location = lm.group(1);
        var patientIds = new ArrayList<String>();
        var m = ids.matcher(load.get("/api/v1/patients?q=&page=0"));
        while (m.find() && patientIds.size() < 20) {
            patientIds.add(m.group(1));
        }
        var days = new ArrayList<java.time.LocalDate>();
        for (var d = java.time.LocalDate.now().plusDays(2); days.size() < 95; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days.add(d);
            }
        }
        var times = List.of("09:00", "11:30", "14:00");
        var next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.IntFunction<java.net.http.HttpRequest> book = ignored -> {
            int n = next.getAndIncrement();
            int slot = n / 4;
            var day = days.get(Math.min(slot / times.size(), days.size() - 1));
            var time = times.get(slot % times.size());
            return load.bearerPost("/api/v1/patients/" + patientIds.get(n % patientIds.size()) + "/appointments",
                    "{\"type\":\"DOSING\",\"modality\":\"IV_KETAMINE\",\"location\":\"" + location
                            + "\",\"date\":\"" + day + "\",\"time\":\"" + time + "\"}");
        };
        int capacity = days.size() * times.size() * 4;
        line("");
        line("Scheduling over HTTP with a prescriber's token at the demo's first location: POST "
                + "/api/v1/patients/{id}/appointments (IV dosing, laid out never to clash, so every rule runs and every "
                + "booking succeeds) and GET /api/v1/schedule/day (the audited day view, 12 dosing sessions a day).");
        line("");
        line("| request | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : concurrency) {
            int left = capacity - next.get();
            if (left <= c) {
                break;
            }
            var booked = load.run("book", book, 201, c, Math.min(seriesMax, left - left % 4), seriesTime);
            row("POST appointments (dosing)", c, booked.stats(), load);
            var daysBooked = Math.max(1, next.get() / 12);
            var view = load.run("day view", i -> load.bearerGet("/api/v1/schedule/day?location=" + location + "&date="
                    + days.get(i % Math.min(daysBooked, days.size()))), 200, c, seriesMax, seriesTime);
            row("GET schedule/day", c, view.stats(), load);
        }
        line("");
    }

    // --- dosing day ---------------------------------------------------------------------------------------------------

    private static final Pattern CHAIR_CARD = Pattern.compile("class=\"chair-card");

    /**
     * The live monitoring board over HTTP as the demo nurse's tablets see it: signed-in sessions (one per client, each
     * signed in as {@link SignIn} does), the htmx fragment {@code GET /dosing/board/{location}/live} with the headers of
     * the page's own poll ({@code HX-Request}, {@code X-KAP-Passive}), and a smaller series of the whole page. Mesa is the
     * demo's busy location: twelve chairs in session (fewer in a clinic under 17 patients), its other days' history at
     * Camelback and Tempe. Camelback's fragment (four booked, none open, most of the past sessions) is measured too.
     */
    private void dosing(Load load, App app, App.Db db, String generated) throws Exception {
        int clients = concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
        var cookies = new ArrayList<String>();
        for (int i = 0; i < clients; i++) {
            cookies.add(new SignIn(app.base, NURSE, PASSWORD).session());
        }
        var page = load.send(load.cookieGet("/dosing/board", cookies.get(0)), 200);
        var mesa = location(page, "Mesa (demo)");
        var camelback = location(page, "Camelback (demo)");
        var live = "/dosing/board/" + mesa + "/live";
        var fragment = load.send(load.cookieGet(live, cookies.get(0), "HX-Request", "true", "X-KAP-Passive", "1"), 200);
        int cards = (int) CHAIR_CARD.matcher(fragment).results().count();
        int expected = Math.min(12, Math.max(0, patients - 5));
        if (cards < 1 || cards != expected) {
            problems.add("dosing: Mesa's board shows " + cards + " chair cards, expected " + expected);
        }
        long[] counts = dosingCounts(db);
        var past = Pattern.compile("([0-9,]+) past dosing sessions").matcher(generated);
        java.util.function.IntFunction<java.net.http.HttpRequest> poll = i -> load.cookieGet(live,
                cookies.get(i % cookies.size()), "HX-Request", "true", "X-KAP-Passive", "1");
        java.util.function.IntFunction<java.net.http.HttpRequest> full = i -> load.cookieGet("/dosing/board?location="
                + mesa, cookies.get(i % cookies.size()));
        java.util.function.IntFunction<java.net.http.HttpRequest> camelbackPoll = i -> load.cookieGet("/dosing/board/"
                + camelback + "/live", cookies.get(i % cookies.size()), "HX-Request", "true", "X-KAP-Passive", "1");
        load.run("warm-up board", poll, 200, 1, seriesMax, warmup);
        load.run("warm-up board page", full, 200, 1, seriesMax, warmup);
        line("");
        line("The dosing day's monitoring board over HTTP as the demo nurse (" + cookies.size() + " signed-in sessions, "
                + "one per client): Mesa's " + cards + " chair" + (cards == 1 ? "" : "s") + " in session"
                + (cards < 12 ? " (fewer than 12: a clinic this small has fewer patients to seat)" : "") + "; "
                + (past.find() ? past.group(1) : "?") + " past sessions from `demo generate` (database: "
                + String.format(Locale.ROOT, "%,d sessions, %,d checks", counts[0], counts[1])
                + "). The fragment is the page's own 15-second poll (headers HX-Request and X-KAP-Passive); each "
                + "request reads the location, its sessions, their checks and alerts, today's bookings and the patients' "
                + "labels, and writes one audit entry per patient shown. The page is the whole board.");
        line("");
        line("| request | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : concurrency) {
            var polls = load.run("board live", poll, 200, c, seriesMax, seriesTime);
            row("GET /dosing/board/{Mesa}/live (" + cards + " chairs)", c, polls.stats(), load);
            var pages = load.run("board page", full, 200, c, Math.max(1, seriesMax / 3), seriesTime);
            row("GET /dosing/board?location={Mesa} (page)", c, pages.stats(), load);
            var other = load.run("board camelback", camelbackPoll, 200, c, Math.max(1, seriesMax / 3), seriesTime);
            row("GET /dosing/board/{Camelback}/live (0 open, 4 booked)", c, other.stats(), load);
        }
        line("");
    }

    // --- care timeline ---------------------------------------------------------------------------------------------

    /**
     * The care timeline over HTTP as the demo nurse (signed-in sessions, one per client) for one patient given three
     * years of history ({@link TimelineBench}): the default view (every kind, the newest 200 entries), a filtered view
     * (dosing sessions and measures of the last year) and the second page (the "older" link of the first).
     */
    private void timeline(Load load, App app, App.Db db) throws Exception {
        var history = TimelineBench.build(db, java.time.Instant.now());
        int clients = concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
        var cookies = new ArrayList<String>();
        for (int i = 0; i < clients; i++) {
            cookies.add(new SignIn(app.base, NURSE, PASSWORD).session());
        }
        var path = "/patients/" + history.patientId() + "/timeline";
        var yearAgo = LocalDate.now().minusYears(1);
        var filtered = path + "?kind=DOSING&kind=MEASURE&from=" + yearAgo;
        var first = load.send(load.cookieGet(path, cookies.get(0)), 200);
        int entries = (int) TimelineBench.ENTRY.matcher(first).results().count();
        if (entries != 200) {
            problems.add("timeline: the first page shows " + entries + " entries, expected 200");
        }
        var older = TimelineBench.OLDER.matcher(first);
        var second = path;
        if (older.find()) {
            second = older.group(1).replace("&amp;", "&");
        } else {
            problems.add("timeline: the first page has no link to older entries");
        }
        var secondPage = second;
        java.util.function.IntFunction<java.net.http.HttpRequest> all = i -> load.cookieGet(path,
                cookies.get(i % cookies.size()));
        java.util.function.IntFunction<java.net.http.HttpRequest> some = i -> load.cookieGet(filtered,
                cookies.get(i % cookies.size()));
        java.util.function.IntFunction<java.net.http.HttpRequest> next = i -> load.cookieGet(secondPage,
                cookies.get(i % cookies.size()));
        load.run("warm-up timeline", all, 200, 1, seriesMax, warmup);
        load.run("warm-up timeline filtered", some, 200, 1, seriesMax, warmup);
        line("");
        line("The care timeline over HTTP as the demo nurse (" + cookies.size() + " signed-in sessions) for one patient "
                + "with three years of history written for the benchmark (" + String.format(Locale.ROOT, "%,d", history
                .rows()) + " rows: " + TimelineBench.SESSIONS + " dosing sessions with 6 checks each, "
                + TimelineBench.MEASURES + " measures, " + TimelineBench.APPOINTMENTS + " appointments, "
                + TimelineBench.ALERTS + " alerts, 3 plans, " + TimelineBench.EMAILS + " emails, and an integration note, "
                + "integration item and (every other session) reflection per dosing session). Each request asks every "
                + "source once (one query each), merges, renders one page of 200 entries and writes one audit entry.");
        line("");
        line("| request | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : concurrency) {
            row("GET timeline (all kinds, newest 200)", c, load.run("timeline", all, 200, c, seriesMax, seriesTime)
                    .stats(), load);
            row("GET timeline?kind=DOSING&kind=MEASURE&from={a year ago}", c, load.run("timeline filtered", some, 200,
                    c, seriesMax, seriesTime).stats(), load);
            row("GET timeline?before={cursor} (second page)", c, load.run("timeline older", next, 200, c, seriesMax,
                    seriesTime).stats(), load);
        }
        line("");
    }

    // --- outcomes dashboard (issue 8) --------------------------------------------------------------------------

    /**
     * The clinic outcomes dashboard over HTTP as the demo prescriber: the page for the default period (courses whose
     * first dose was in the last year), the page for every course since 2000, one CSV table and the JSON. Each request
     * runs the dashboard's eight bounded queries, computes the figures and writes one audit entry.
     */
    private void outcomes(Load load, App app, App.Db db) throws Exception {
        var counts = OutcomesBench.counts(db);
        int clients = concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
        // One two-step sign-in shared by every client: each authenticator code works once per 30-second step.
        var cookies = new ArrayList<String>();
        var session = new SignIn(app.base, CLINICIAN, PASSWORD, CLINICIAN_TOTP).session();
        for (int i = 0; i < clients; i++) {
            cookies.add(session);
        }
        var all = "/outcomes?from=2000-01-01";
        var first = load.send(load.cookieGet("/outcomes", cookies.get(0)), 200);
        var everything = load.send(load.cookieGet(all, cookies.get(0)), 200);
        int yearCourses = OutcomesBench.courses(first);
        int allCourses = OutcomesBench.courses(everything);
        if (allCourses <= 0) {
            problems.add("outcomes: the dashboard shows no courses for every period");
        }
        java.util.function.IntFunction<java.net.http.HttpRequest> page = i -> load.cookieGet("/outcomes",
                cookies.get(i % cookies.size()));
        java.util.function.IntFunction<java.net.http.HttpRequest> pageAll = i -> load.cookieGet(all,
                cookies.get(i % cookies.size()));
        java.util.function.IntFunction<java.net.http.HttpRequest> csv = i -> load.cookieGet(
                "/outcomes.csv?table=rates&from=2000-01-01", cookies.get(i % cookies.size()));
        java.util.function.IntFunction<java.net.http.HttpRequest> json = i -> load.cookieGet(
                "/api/v1/outcomes?from=2000-01-01", cookies.get(i % cookies.size()));
        load.run("warm-up outcomes", pageAll, 200, 1, seriesMax, warmup);
        line("");
        line("The clinic outcomes dashboard over HTTP as the demo prescriber (one two-step sign-in shared by every "
                + "client) on a clinic of " + String.format(Locale.ROOT, "%,d patients, %,d measures, %,d dosing "
                + "sessions (%,d in %,d treatment plans)", counts[0], counts[1], counts[2], counts[3], counts[4])
                + ". The default period holds " + yearCourses + " courses, the period from 2000 " + allCourses + ".");
        line("");
        line("| request | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : concurrency) {
            row("GET /outcomes (first dose in the last year)", c, load.run("outcomes", page, 200, c, seriesMax,
                    seriesTime).stats(), load);
            row("GET /outcomes?from=2000-01-01 (every course)", c, load.run("outcomes all", pageAll, 200, c,
                    seriesMax, seriesTime).stats(), load);
            row("GET /outcomes.csv?table=rates&from=2000-01-01", c, load.run("outcomes csv", csv, 200, c, seriesMax,
                    seriesTime).stats(), load);
            row("GET /api/v1/outcomes?from=2000-01-01", c, load.run("outcomes json", json, 200, c, seriesMax,
                    seriesTime).stats(), load);
        }
        line("");
    }

    private static String location(String boardPage, String name) {
        var m = Pattern.compile("value=\"([0-9a-f-]{36})\"[^>]*>" + Pattern.quote(name) + "<").matcher(boardPage);
        if (!m.find()) {
            throw new IllegalStateException("The board page offers no location " + name);
        }
        return m.group(1);
    }

    /** Dosing sessions and checks in the database, counted directly. */
    private static long[] dosingCounts(App.Db db) throws Exception {
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); var s = c.createStatement()) {
            var counts = new long[2];
            int i = 0;
            for (var table : List.of("dosing_session", "dosing_check")) {
                try (var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts[i++] = rs.getLong(1);
                }
            }
            return counts;
        }
    }

    private void row(String request, int clients, Stats s, Load load) {
        line(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %s | %s | %s | %s |", request, clients, s.count(),
                s.errors(), s.throughput(), Stats.ms(s.percentileMs(50)), Stats.ms(s.percentileMs(95)),
                Stats.ms(s.percentileMs(99)), Stats.ms(s.maxMs())));
        if (s.errors() > 0) {
            problems.add(request + ": " + s.errors() + " errors, first: " + load.firstError.get());
        }
    }

    // --- sign-in -------------------------------------------------------------------------------------------------

    private void signIn(App app) throws Exception {
        var flow = new SignIn(app.base, EMAIL, PASSWORD);
        flow.once(); // warm-up
        var results = flow.run(signIns);
        line("Sign-in to first page, " + signIns + " sequences one after another (GET /login, POST /login, GET /, "
                + "GET /patients):");
        line("");
        line("| step | n | p50 ms | p95 ms | max ms |");
        line("|---|---:|---:|---:|---:|");
        for (var s : results) {
            line(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |", s.name(), s.count(),
                    Stats.ms(s.percentileMs(50)), Stats.ms(s.percentileMs(95)), Stats.ms(s.maxMs())));
        }
        line("");
    }

    private static double bcryptMs() {
        var encoder = new BCryptPasswordEncoder(12);
        var hash = encoder.encode(PASSWORD);
        var times = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            encoder.matches(PASSWORD, hash);
            times.add(System.nanoTime() - t);
        }
        return Stats.of("bcrypt", times, 0, 0).percentileMs(50);
    }

    // --- SQL on its own ------------------------------------------------------------------------------------------

    /** The production search class over plain JDBC (no HTTP, security or audit), then EXPLAIN of what it sent. */
    private void sql(App.Db db, Map<String, List<String>> terms, Path explainFile) throws Exception {
        boolean postgres = db.name().equals("postgres");
        var explain = new StringBuilder();
        line("The same searches' SQL run directly over JDBC by the production PatientSearch (count + page query), "
                + "one client, 30 rotating terms per kind:");
        line("");
        line("| kind | runs | p50 ms | p95 ms | max ms |");
        line("|---|---:|---:|---:|---:|");
        try (var probe = new SearchProbe(db.jdbcUrl(), db.user(), db.password())) {
            for (var kind : terms.entrySet()) {
                var times = new ArrayList<Long>();
                var paths = kind.getValue();
                long deadline = System.nanoTime() + seriesTime.toNanos();
                for (int i = 0; i < 30 && System.nanoTime() < deadline; i++) {
                    var path = paths.get(i % paths.size());
                    long t = System.nanoTime();
                    probe.search(example(path), page(path));
                    times.add(System.nanoTime() - t);
                }
                var s = Stats.of(kind.getKey(), times, 0, 0);
                line(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |", kind.getKey(), s.count(),
                        Stats.ms(s.percentileMs(50)), Stats.ms(s.percentileMs(95)), Stats.ms(s.maxMs())));
                var path = paths.get(paths.size() > 1 ? 1 : 0);
                probe.search(example(path), page(path));
                explain.append("==== ").append(kind.getKey()).append(": q=").append(example(path)).append(" page=")
                        .append(page(path)).append('\n');
                for (var statement : probe.lastStatements()) {
                    explain.append("-- ").append(statement.sql().replaceAll("\\s+", " ")).append("\n-- params ")
                            .append(statement.params()).append('\n');
                    explain.append(probe.explain(postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ", statement))
                            .append('\n');
                }
            }
        }
        Files.writeString(explainFile, explain);
        line("");
        line("Plans: " + explainFile);
        line("");
    }

    private static int page(String path) {
        var m = Pattern.compile("[?&]page=(\\d+)").matcher(path);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    // --- startup and memory --------------------------------------------------------------------------------------

    private void startup(App.Db db, String token, Path workDir) throws Exception {
        line("Startup and memory (" + startups + " starts per flag set; warm-up = 20 requests of each search kind "
                + "and 3 sign-ins, then VmRSS from /proc):");
        line("");
        line("| JVM flags | run | 'Started in' s | JVM up s | health 200 after s | RSS after warm-up MiB | peak RSS MiB |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        int n = 0;
        for (var set : JVM_SETS.entrySet()) {
            var flags = set.getValue().isEmpty() ? List.<String>of() : List.of(set.getValue().split(" "));
            for (int i = 1; i <= startups; i++) {
                try (var app = App.start(jar, db, flags, workDir.resolve("startup-" + (++n) + ".log"))) {
                    app.awaitHealthy(Duration.ofMinutes(5));
                    var load = new Load(app.base, token, requestTimeout);
                    for (var kind : terms(load).entrySet()) {
                        load.run("startup warm-up", kind.getValue(), 1, 20, Duration.ofSeconds(30));
                    }
                    var flow = new SignIn(app.base, EMAIL, PASSWORD);
                    for (int s = 0; s < 3; s++) {
                        flow.once();
                    }
                    var rss = app.residentMiB();
                    line(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.0f | %.0f |", set.getKey(), i,
                            app.startedInSeconds, app.jvmRunningSeconds, app.healthySeconds, rss[0], rss[1]));
                }
            }
        }
        line("");
    }

    // --- databases -----------------------------------------------------------------------------------------------

    private App.Db database(String engine, Path workDir) throws Exception {
        switch (engine) {
            case "h2" -> {
                var dir = workDir.resolve("data");
                Files.createDirectories(dir);
                var url = "jdbc:h2:file:" + dir + "/kapclinic;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
                return new App.Db("h2", Map.of("KAP_DATA_DIR", dir.toString()), url, "sa", "");
            }
            case "postgres" -> {
                var url = setting("bench.pg.url", "KAP_DB_URL");
                var user = setting("bench.pg.user", "KAP_DB_USER");
                var password = setting("bench.pg.password", "KAP_DB_PASSWORD");
                if (url == null) {
                    throw new IllegalStateException("PostgreSQL: set KAP_DB_URL, KAP_DB_USER, KAP_DB_PASSWORD "
                            + "(e.g. from shared/bin/pg-local kapbench) or -Dbench.pg.url=...");
                }
                var schema = "kap_bench_" + stamp.replace("-", "_");
                try (var c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + schema);
                }
                var schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
                return new App.Db("postgres", Map.of("SPRING_PROFILES_ACTIVE", "postgres", "KAP_DB_URL", schemaUrl,
                        "KAP_DB_USER", user == null ? "" : user, "KAP_DB_PASSWORD", password == null ? "" : password),
                        schemaUrl, user, password);
            }
            default -> throw new IllegalArgumentException("bench.db is h2 and/or postgres, not " + engine);
        }
    }

    private static String setting(String property, String env) {
        var value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? null : value;
    }

    private void cleanUp(String engine, App.Db db, Path workDir) throws Exception {
        if (engine.equals("postgres")) {
            var schema = db.jdbcUrl().substring(db.jdbcUrl().indexOf("currentSchema=") + "currentSchema=".length());
            try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                    var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        } else {
            var data = workDir.resolve("data");
            try (Stream<Path> files = Files.walk(data)) {
                for (var p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The whole clinic through $export, every resource validated against base R4 (not in the default phases). */
    private void fhirValidate(App app, App.Db db, Path log) throws Exception {
        var adminToken = App.verb(jar, db, log, "admin", "token", "--email", "admin@demo.kapclinic.test", "--name",
                        "bench-fhir-" + stamp).lines().filter(l -> l.startsWith("kap_")).findFirst()
                .orElseThrow(() -> new IllegalStateException("admin token printed no token; see " + log));
        var result = new FhirValidateBench(app.base, adminToken).run(System.out::println);
        line("- FHIR: `GET /fhir/$export` (kick-off, which writes every file, and status) "
                + String.format("%.1f s", result.exportSeconds()) + "; validating " + result.validated()
                + " against base R4 took " + String.format("%.1f s", result.validateSeconds()) + ": "
                + result.errors().size() + " errors");
        result.errors().stream().limit(20).forEach(e -> line("  - " + e));
        if (!result.errors().isEmpty()) {
            problems.add("FHIR validation: " + result.errors().size() + " errors");
        }
    }

    // --- report --------------------------------------------------------------------------------------------------

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static String machine() {
        var os = "";
        try {
            os = Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .findFirst().orElse("").replace("PRETTY_NAME=", "").replace("\"", "");
        } catch (Exception ignored) {
            // not Linux
        }
        long memGiB = Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024.0 * 1024 * 1024));
        return Runtime.getRuntime().availableProcessors() + " cores, " + memGiB + " GiB, " + os + ", Java "
                + System.getProperty("java.version") + " (" + App.java() + "); load average at start " + loadAverage();
    }

    static String loadAverage() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
