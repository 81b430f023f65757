// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sign-in to first page as a browser does it, one person after another: GET /login (session cookie and the form's
 * CSRF token), POST /login (bcrypt), GET / (the home page it redirects to), GET /patients (first page of the list).
 * Cookies are handled by hand, so the Secure flag does not matter; no redirect is followed automatically.
 */
final class SignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Pattern COOKIE = Pattern.compile("KAPSESSION=([^;]*)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String email;
    private final String password;
    private final String totpSecret;

    SignIn(String base, String email, String password) {
        this(base, email, password, null);
    }

    /** For an account with two-step sign-in: {@code totpSecret} is its base32 authenticator key (demo keys only). */
    SignIn(String base, String email, String password, String totpSecret) {
        if (!base.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("Benchmarks send traffic to 127.0.0.1 only, not " + base);
        }
        this.base = base;
        this.email = email;
        this.password = password;
        this.totpSecret = totpSecret;
    }

    /** Total, GET /login, POST /login, GET /, GET /patients. */
    List<Stats> run(int iterations) throws Exception {
        var total = new ArrayList<Long>();
        var steps = List.of(new ArrayList<Long>(), new ArrayList<Long>(), new ArrayList<Long>(), new ArrayList<Long>());
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            long[] t = once();
            total.add(t[4] - t[0]);
            for (int s = 0; s < 4; s++) {
                steps.get(s).add(t[s + 1] - t[s]);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return List.of(Stats.of("sign-in to first page (total)", total, 0, seconds),
                Stats.of("GET /login", steps.get(0), 0, seconds),
                Stats.of("POST /login (bcrypt)", steps.get(1), 0, seconds),
                Stats.of("GET / (home)", steps.get(2), 0, seconds),
                Stats.of("GET /patients (list page 1)", steps.get(3), 0, seconds));
    }

    /** One full sequence; fails loudly if any step answers other than a browser would expect. */
    long[] once() throws Exception {
        long[] t = new long[5];
        var cookie = signIn(t);
        var home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", "KAPSESSION=" + cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(home, 200, "GET /");
        t[3] = System.nanoTime();
        var patients = http.send(HttpRequest.newBuilder(URI.create(base + "/patients"))
                .header("Cookie", "KAPSESSION=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(patients, 200, "GET /patients");
        if (!patients.body().contains("KC")) {
            throw new IllegalStateException("GET /patients shows no MRN: not the patient list?");
        }
        t[4] = System.nanoTime();
        return t;
    }

    /** Signs in (GET /login, POST /login) and returns the signed-in session's KAPSESSION cookie value. */
    String session() throws Exception {
        return signIn(new long[5]);
    }

    /** GET /login then POST /login; {@code t[0..2]} get the start and the end of each step. */
    private String signIn(long[] t) throws Exception {
        t[0] = System.nanoTime();
        var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(login, 200, "GET /login");
        var csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("GET /login has no _csrf hidden input");
        }
        var token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        var cookie = cookie(login, null);
        t[1] = System.nanoTime();
        var form = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        var post = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "KAPSESSION=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        expect(post, 302, "POST /login");
        var location = post.headers().firstValue("Location").orElse("");
        cookie = cookie(post, cookie);
        if (totpSecret != null && !location.contains("error") && !location.contains("throttled")) {
            // the password is right; whatever page it names, the session waits for the code (ADR 026)
            location = secondStep(cookie);
        }
        if (location.contains("error") || location.contains("throttled") || location.contains("/login")) {
            throw new IllegalStateException("Sign-in refused: redirected to " + location);
        }
        t[2] = System.nanoTime();
        return lastCookie != null ? lastCookie : cookie;
    }

    /**
     * The second step (ADR 026): GET /login/code for its CSRF token, POST the current authenticator code. A code is
     * accepted once per 30-second step, so a refused code (one already used) waits for the next step and tries again.
     * Returns where the accepted code redirects to. The session id changes here; the new cookie is kept.
     */
    private String secondStep(String cookie) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            var page = http.send(HttpRequest.newBuilder(URI.create(base + "/login/code"))
                    .header("Cookie", "KAPSESSION=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
            expect(page, 200, "GET /login/code");
            var csrf = CSRF.matcher(page.body());
            if (!csrf.find()) {
                throw new IllegalStateException("GET /login/code has no _csrf hidden input");
            }
            var token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
            var code = Totp.code(totpSecret, System.currentTimeMillis() / 1000 / 30);
            var post = http.send(HttpRequest.newBuilder(URI.create(base + "/login/code"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "KAPSESSION=" + cookie)
                    .POST(HttpRequest.BodyPublishers.ofString("code=" + code + "&_csrf=" + enc(token))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (post.statusCode() == 302) {
                lastCookie = cookie(post, cookie);
                return post.headers().firstValue("Location").orElse("");
            }
            Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 500);
        }
        throw new IllegalStateException("Second step refused three codes in a row for " + email);
    }

    private String lastCookie;

    private static String cookie(HttpResponse<?> response, String previous) {
        for (var header : response.headers().allValues("Set-Cookie")) {
            var m = COOKIE.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        if (previous == null) {
            throw new IllegalStateException("No KAPSESSION cookie in " + response.uri());
        }
        return previous;
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + " instead of " + status);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
