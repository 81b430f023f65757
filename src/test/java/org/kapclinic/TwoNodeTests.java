// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application nodes (the packaged jar, twice) on one PostgreSQL, as docs/deployment.md describes (ADR 028).
 * Checks the three promises of a two-node clinic: a signed-in user carries on at node B when node A dies (sessions
 * and CSRF tokens live in the database); every scheduled job runs its due work exactly once across both nodes
 * (ShedLock plus a conditional claim per item; emails are delivered once to a test SMTP server); and no write that
 * either node acknowledged is lost when node A is killed mid-stream. Tag "process": failsafe, after package.
 */
@Tag("process")
class TwoNodeTests {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration VERB = Duration.ofSeconds(120);
    private static final String THERAPIST = "therapist1@demo.kapclinic.test";
    private static final String DEMO_PASSWORD = org.kapclinic.demo.DemoContext.DEMO_PASSWORD;
    private static final Pattern TOKEN = Pattern.compile("(?m)^(kap_\\S+)\\s*$");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    /** Every @Scheduled job, by its ShedLock name. */
    private static final List<String> JOBS = List.of("appointment-reminders", "safety-escalation",
            "email-outbox-delivery", "questionnaire-reminders", "scheduled-questionnaires", "rems-reminders",
            "inquiry-escalation");

    @TempDir
    Path temp;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    @AfterEach
    void endEverythingStarted() throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    @Test
    void twoNodesShareOneClinicWithoutDoubleFiringJobsLosingASessionOrLosingAWrite() throws Exception {
        var postgres = track(new DurabilityTests.Postgres(temp.resolve("pgdata"), AppProcess.freePort()));
        postgres.start();
        postgres.createDatabase("kapclinic");
        var db = postgres.jdbcUrl("kapclinic");
        var smtp = new GreenMail(new ServerSetup(AppProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        track(smtp::stop);
        var env = Map.of("SPRING_PROFILES_ACTIVE", "postgres", "KAP_DB_URL", db, "KAP_DB_USER", "postgres",
                "KAP_DB_PASSWORD", "postgres", "KAP_DATA_DIR", temp.resolve("data").toString(),
                "KAP_SECURE_COOKIES", "false");
        AppProcess.runVerb(env, VERB, "demo", "generate", "--patients", "3");
        var tokenOutput = AppProcess.runVerb(env, VERB, "admin", "token", "--email", "prescriber@demo.kapclinic.test",
                "--name", "two-node");
        var token = TOKEN.matcher(tokenOutput);
        assertThat(token.find()).as(tokenOutput).isTrue();
        Instant seededAt;
        try (var connection = DriverManager.getConnection(db, "postgres", "")) {
            seededAt = DueWork.seed(connection);
        }

        // --- both nodes, every job every 2 s, each with its own SMTP connection to the same test server ---------
        var args = new String[] {"--spring.datasource.hikari.connection-timeout=3000",
            "--kap.intake.escalation-interval=PT2S", "--kap.intake.escalation-initial-delay=PT1S",
            "--kap.safety.escalation-interval=PT2S", "--kap.scheduling.reminder-interval=PT2S",
            "--kap.questionnaires.reminder-interval=PT2S", "--kap.rems.reminder-cron=*/2 * * * * *",
            "--kap.mail.poll-interval=PT2S", "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtp.getSmtp().getPort()};
        var a = track(AppProcess.start("node-a", env, args));
        var b = track(AppProcess.start("node-b", env, args));
        a.awaitHealthy(STARTUP);
        b.awaitHealthy(STARTUP);

        // --- (2) each scheduled job: its due work done once, its emails delivered once -------------------------
        try (var connection = DriverManager.getConnection(db, "postgres", "")) {
            DueWork.awaitDone(connection, seededAt, Duration.ofSeconds(90));
            AppProcess.pause(Duration.ofSeconds(6)); // three more rounds on each node: a double-fire would show now
            var done = DueWork.report(connection, seededAt);
            System.out.println("TWO-NODE jobs: " + done);
            assertThat(DueWork.jobsThatRan(connection, seededAt)).as("every scheduled job ran").containsAll(JOBS);
            assertThat(done.get("appointment reminders")).as("appointment reminder emails").isPositive();
            assertThat(done.get("questionnaire reminders")).as("questionnaire reminder emails")
                    .isPositive().isEqualTo(done.get("questionnaire requests reminded"));
            assertThat(done.get("inquiry escalations")).as("inquiry escalation emails").isPositive();
            assertThat(done.get("safety escalations")).as("safety escalation pages").isPositive();
            assertThat(done.get("REMS digests")).as("REMS digests today").isEqualTo(1);
            assertThat(DueWork.duplicateEmails(connection, seededAt)).as("emails queued twice").isEmpty();
            assertThat(smtp.getReceivedMessages()).as("emails delivered by both nodes together")
                    .hasSize(done.get("emails sent").intValue());
        }

        // --- (1) a signed-in user, (3) writers on both nodes; node A dies -----------------------------------
        var browser = new Browser();
        browser.signIn(a.baseUrl(), THERAPIST, DEMO_PASSWORD);
        assertThat(browser.get(a.baseUrl() + "/").statusCode()).as("signed in at node A").isEqualTo(200);
        var csrf = browser.csrfFrom(a.baseUrl() + "/");

        var writerA = track(new DurabilityTests.PatientWriter(a.baseUrl(), token.group(1)));
        var writerB = track(new DurabilityTests.PatientWriter(b.baseUrl(), token.group(1)));
        writerA.start();
        writerB.start();
        writerA.awaitAcknowledged(60, Duration.ofSeconds(60));
        writerB.awaitAcknowledged(60, Duration.ofSeconds(60));
        assertThat(a.killHard()).isEqualTo(137);
        writerA.stop();
        int acknowledgedByB = writerB.acknowledged().size();
        writerB.awaitAcknowledged(acknowledgedByB + 40, Duration.ofSeconds(60));
        writerB.stop();

        var atB = browser.get(b.baseUrl() + "/");
        assertThat(atB.statusCode()).as("the same session cookie at node B, after node A died").isEqualTo(200);
        assertThat(atB.body()).contains("Theo Testwood");
        var signOut = browser.post(b.baseUrl() + "/logout", Map.of("_csrf", csrf));
        assertThat(signOut.statusCode()).as("node B accepts the CSRF token node A's page carried").isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location").orElse("")).contains("/login");
        var afterSignOut = browser.get(b.baseUrl() + "/");
        assertThat(afterSignOut.statusCode()).as("signed out").isEqualTo(302);
        assertThat(afterSignOut.headers().firstValue("Location").orElse("")).contains("/login");

        var acknowledged = new ArrayList<>(writerA.acknowledged());
        acknowledged.addAll(writerB.acknowledged());
        assertThat(writerA.acknowledged()).isNotEmpty();
        assertThat(postgres.countPatients("kapclinic", acknowledged)).as("acknowledged writes in the database")
                .isEqualTo(acknowledged.size());
        System.out.printf("TWO-NODE writes: %d acknowledged by A (outcomes %s), %d by B (outcomes %s), all in the"
                + " database%n", writerA.acknowledged().size(), writerA.outcomeCounts(o -> true),
                writerB.acknowledged().size(), writerB.outcomeCounts(o -> true));
    }

    /** Work the jobs find due, seeded into the demo clinic, and what they did with it. */
    static final class DueWork {

        private DueWork() {}

        /** Makes work due now for each job; returns the database's clock at that moment. */
        static Instant seed(Connection c) throws SQLException {
            Instant now;
            try (var s = c.createStatement()) {
                try (var rows = s.executeQuery("SELECT now()")) {
                    rows.next();
                    now = rows.getTimestamp(1).toInstant();
                }
                // appointments: whatever the day, there is one to remind (generated courses lie in the past): book one
                // like the latest appointment there is for 3 hours from now, and give its patient an email address if
                // they have none; then every booked one in the next 2 days needs its reminder
                assertThat(s.executeUpdate("INSERT INTO appointment (id, patient_id, type, label, modality, location_id,"
                        + " chair_id, starts_at, ends_at, dose_at, status, created_at, created_by, updated_at, updated_by,"
                        + " version) SELECT gen_random_uuid(), patient_id, type, label, modality, location_id, chair_id,"
                        + " now() + INTERVAL '3 hours', now() + INTERVAL '3 hours' + (ends_at - starts_at),"
                        + " now() + INTERVAL '3 hours' + (dose_at - starts_at), 'BOOKED', now(), 'two-node-test', now(),"
                        + " 'two-node-test', 0 FROM appointment ORDER BY starts_at DESC LIMIT 1"))
                        .as("an appointment booked for 3 hours from now").isEqualTo(1);
                s.executeUpdate("UPDATE patient SET email = 'two-node.synthetic@example.invalid', voided_at = NULL"
                        + " WHERE (email IS NULL OR email = '' OR voided_at IS NOT NULL) AND id = (SELECT patient_id"
                        + " FROM appointment WHERE created_by = 'two-node-test')");
                s.executeUpdate("UPDATE appointment SET reminded_48_at = NULL, reminded_24_at = NULL"
                        + " WHERE status = 'BOOKED' AND starts_at > now() AND starts_at <= now() + INTERVAL '47 hours'");
                // emailed questionnaire links: their reminder time has come
                s.executeUpdate("UPDATE questionnaire_request SET remind_at = now() - INTERVAL '1 minute',"
                        + " reminded_at = NULL WHERE status = 'OPEN' AND expires_at > now() + INTERVAL '1 hour'");
                // open inquiries: warning time passed, reply not yet overdue
                s.executeUpdate("UPDATE inquiry SET warn_at = now() - INTERVAL '1 minute', warned_at = NULL,"
                        + " respond_by = now() + INTERVAL '1 day', overdue_escalated_at = NULL"
                        + " WHERE status = 'OPEN' AND first_contact_at IS NULL");
                // open safety alerts: their next escalation step is due
                s.executeUpdate("UPDATE safety_alert SET next_escalation_at = now() - INTERVAL '1 minute'"
                        + " WHERE status = 'OPEN'");
                s.executeUpdate("DELETE FROM rems_reminder_digest");
            }
            return now;
        }

        static void awaitDone(Connection c, Instant since, Duration timeout) throws SQLException {
            var deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (count(c, "SELECT COUNT(*) FROM appointment WHERE status = 'BOOKED' AND starts_at > now()"
                        + " AND starts_at <= now() + INTERVAL '47 hours' AND reminded_24_at IS NULL"
                        + " AND reminded_48_at IS NULL") == 0
                        && count(c, "SELECT COUNT(*) FROM questionnaire_request WHERE status = 'OPEN'"
                                + " AND remind_at <= now() AND reminded_at IS NULL AND expires_at > now()"
                                + " AND sent_to IS NOT NULL") == 0
                        && count(c, "SELECT COUNT(*) FROM inquiry WHERE status = 'OPEN' AND first_contact_at IS NULL"
                                + " AND warned_at IS NULL") == 0
                        && count(c, "SELECT COUNT(*) FROM safety_alert WHERE status = 'OPEN'"
                                + " AND next_escalation_at <= ?", since) == 0
                        && count(c, "SELECT COUNT(*) FROM rems_reminder_digest") > 0
                        && count(c, "SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL") == 0
                        && jobsThatRan(c, since).size() == JOBS.size()) {
                    return;
                }
                AppProcess.pause(Duration.ofMillis(500));
            }
            throw new AssertionError("due work not done within " + timeout + ": " + report(c, since)
                    + "; jobs that ran " + jobsThatRan(c, since));
        }

        static Map<String, Long> report(Connection c, Instant since) throws SQLException {
            var report = new LinkedHashMap<String, Long>();
            report.put("appointment reminders", count(c, "SELECT COUNT(*) FROM email_outbox WHERE created_at >= ?"
                    + " AND attachment_name IS NOT NULL", since));
            report.put("questionnaire reminders", count(c, "SELECT COUNT(*) FROM email_outbox WHERE created_at >= ?"
                    + " AND subject LIKE 'Reminder: a questionnaire%'", since));
            report.put("questionnaire requests reminded", count(c, "SELECT COUNT(*) FROM questionnaire_request"
                    + " WHERE reminded_at >= ?", since));
            report.put("inquiry escalations", count(c, "SELECT COUNT(*) FROM email_outbox WHERE created_at >= ?"
                    + " AND (subject LIKE 'Reply soon:%' OR subject LIKE 'Overdue:%')", since));
            report.put("safety escalations", count(c, "SELECT COUNT(*) FROM safety_escalation WHERE escalated_at >= ?",
                    since));
            report.put("REMS digests", count(c, "SELECT COUNT(*) FROM rems_reminder_digest"));
            report.put("emails queued", count(c, "SELECT COUNT(*) FROM email_outbox WHERE created_at >= ?", since));
            report.put("emails sent", count(c, "SELECT COUNT(*) FROM email_outbox WHERE sent_at >= ?", since));
            return report;
        }

        /** The same message to the same address twice: a job that fired twice for one item. */
        static List<String> duplicateEmails(Connection c, Instant since) throws SQLException {
            var duplicates = new ArrayList<String>();
            try (var s = c.prepareStatement("SELECT to_address, subject, COUNT(*) FROM email_outbox WHERE created_at >= ?"
                    + " GROUP BY to_address, subject, body HAVING COUNT(*) > 1")) {
                s.setTimestamp(1, Timestamp.from(since));
                try (var rows = s.executeQuery()) {
                    while (rows.next()) {
                        duplicates.add(rows.getString(1) + " " + rows.getString(2) + " x" + rows.getLong(3));
                    }
                }
            }
            return duplicates;
        }

        static List<String> jobsThatRan(Connection c, Instant since) throws SQLException {
            var names = new ArrayList<String>();
            try (var s = c.prepareStatement("SELECT name FROM shedlock WHERE locked_at >= ? ORDER BY name")) {
                s.setTimestamp(1, Timestamp.from(since));
                try (var rows = s.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
            }
            return names;
        }

        private static long count(Connection c, String sql, Object... params) throws SQLException {
            try (var s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i] instanceof Instant at ? Timestamp.from(at) : params[i]);
                }
                try (var rows = s.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }
    }

    /** A browser's cookie jar over plain HTTP: the KAPSESSION cookie goes to whichever node a request names. */
    static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2)).build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
            var body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrfFrom(String url) throws Exception {
            var page = get(url);
            var matcher = CSRF.matcher(page.body());
            assertThat(matcher.find()).as("a _csrf field on " + url).isTrue();
            return matcher.group(1);
        }

        void signIn(String baseUrl, String email, String password) throws Exception {
            var csrf = csrfFrom(baseUrl + "/login");
            var response = post(baseUrl + "/login", Map.of("email", email, "password", password, "_csrf", csrf));
            assertThat(response.headers().firstValue("Location").orElse("")).as("sign-in redirect")
                    .doesNotContain("error");
            assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).contains("KAPSESSION");
        }
    }
}
