// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.notifications.Notifications;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day (kap.rems.reminder-cron, 08:00 clinic time by default) emails the clinic's REMS contacts a digest of the
 * Patient Monitoring Forms that are overdue, due within kap.rems.reminder-days-ahead days (2), or amended after they
 * were sent. The contacts are kap.rems.reminder-to, or every enabled nurse and prescriber. Cluster-safe: ShedLock,
 * and the clinic day is claimed by a row whose primary key is the date, in the transaction that queues the emails, so
 * a second node, a restart or a second run the same day sends nothing. Emails carry no patient names: when, where,
 * what is due, and links behind sign-in.
 */
@Component
class RemsReminders {

    private static final String JOB = "system:rems-reminders";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.US);

    private final RemsFormList list;
    private final UserAccounts accounts;
    private final Notifications notifications;
    private final RemsFormSettings settings;
    private final JdbcClient jdbc;
    private final ClinicCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String baseUrl;

    RemsReminders(RemsFormList list, UserAccounts accounts, Notifications notifications, RemsFormSettings settings,
            JdbcClient jdbc, ClinicCalendar calendar, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions, @Value("${kap.clinic.base-url}") String baseUrl) {
        this.list = list;
        this.accounts = accounts;
        this.notifications = notifications;
        this.settings = settings;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.baseUrl = baseUrl;
    }

    @Scheduled(cron = "${kap.rems.reminder-cron:0 0 8 * * *}", zone = "${kap.clinic.time-zone}")
    @SchedulerLock(name = "rems-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void run() {
        sendDigest();
    }

    /** Sends today's digest unless it went already; returns how many emails were queued (0 the second time). */
    int sendDigest() {
        var today = LocalDate.now(clock.withZone(calendar.zone()));
        try {
            Integer sent = tx.execute(status -> send(today));
            return sent == null ? 0 : sent;
        } catch (DuplicateKeyException alreadySent) {
            return 0; // another node claimed the day between our check and our insert
        }
    }

    private int send(LocalDate today) {
        boolean claimed = jdbc.sql("SELECT COUNT(*) FROM rems_reminder_digest WHERE clinic_day = :d")
                .param("d", today).query(Long.class).single() > 0;
        if (claimed) {
            return 0;
        }
        var rows = list.digest(today, today.plusDays(settings.reminderDaysAhead()));
        var overdue = rows.stream().filter(r -> !r.correctionToSend() && r.dueOn().isBefore(today)).toList();
        var resend = rows.stream().filter(RemsFormList.DigestRow::correctionToSend).toList();
        var soon = rows.stream().filter(r -> !r.correctionToSend() && !r.dueOn().isBefore(today)).toList();
        var recipients = rows.isEmpty() ? List.<String>of() : recipients();
        jdbc.sql("""
                INSERT INTO rems_reminder_digest (clinic_day, sent_at, recipients, overdue, due_soon, to_resend)
                VALUES (:d, :at, :n, :o, :s, :r)""")
                .param("d", today).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("n", recipients.size()).param("o", overdue.size()).param("s", soon.size())
                .param("r", resend.size()).update();
        if (rows.isEmpty()) {
            return 0;
        }
        var subject = "REMS monitoring forms: " + overdue.size() + " overdue, " + soon.size() + " due within "
                + settings.reminderDaysAhead() + " days" + (resend.isEmpty() ? "" : ", " + resend.size()
                + " corrections to send");
        var body = body(today, overdue, soon, resend);
        for (var to : recipients) {
            notifications.queueEmail(to, subject, body);
        }
        audit.recordAs(JOB, "", AuditRecord.success("REMS_REMINDER_SENT").withDetails(today + ": "
                + overdue.size() + " overdue, " + soon.size() + " due soon, " + resend.size() + " to resend; "
                + recipients.size() + " recipients"));
        return recipients.size();
    }

    private List<String> recipients() {
        var configured = settings.reminderAddresses();
        return configured.isEmpty() ? accounts.notificationAddresses(EnumSet.of(Role.NURSE, Role.PRESCRIBER))
                : configured;
    }

    private String body(LocalDate today, List<RemsFormList.DigestRow> overdue, List<RemsFormList.DigestRow> soon,
            List<RemsFormList.DigestRow> resend) {
        var b = new StringBuilder("Good morning,\n\nEvery outpatient esketamine session needs its SPRAVATO REMS Patient "
                + "Monitoring Form sent within " + settings.submissionDays() + " calendar days. As of "
                + DAY.format(today) + ":\n");
        section(b, "OVERDUE", overdue, today);
        section(b, "Due within " + settings.reminderDaysAhead() + " days", soon, today);
        section(b, "Amended after sending: send the correction", resend, today);
        b.append("\nAll forms: ").append(baseUrl).append("/dosing/rems-forms\n\n")
                .append("This email names no patients; open the links after signing in.\n");
        return b.toString();
    }

    private void section(StringBuilder b, String title, List<RemsFormList.DigestRow> rows, LocalDate today) {
        if (rows.isEmpty()) {
            return;
        }
        b.append("\n").append(title).append(" (").append(rows.size()).append(")\n");
        for (var r : rows) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(today, r.dueOn());
            b.append("  - Treatment ").append(r.treatmentDate()).append(" at ").append(r.locationName()).append(", due ")
                    .append(r.dueOn()).append(days < 0 ? " (" + -days + (days == -1 ? " day" : " days") + " late)"
                            : days == 0 ? " (today)" : "").append(", ").append(r.status().label().toLowerCase(Locale.ROOT))
                    .append(": ").append(baseUrl).append("/dosing/sessions/").append(r.sessionId())
                    .append("/rems-form\n");
        }
    }
}
