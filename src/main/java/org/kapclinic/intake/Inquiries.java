// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.notifications.Notifications;
import org.kapclinic.patients.PatientDetails;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.patients.SexAssignedAtBirth;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.security.UserId;
import org.kapclinic.vocabulary.Concern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake module's entry point. Submitting is public; everything else is for staff. A submission is committed
 * before it is acknowledged, and a repeat (same Idempotency-Key, or the same payload within minutes) returns the first.
 */
@Service
public class Inquiries {

    static final String STAFF = "hasAnyRole('INTAKE_COORDINATOR', 'THERAPIST', 'NURSE', 'PRESCRIBER')";
    static final String CLINICIAN = "hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')";
    static final int QUEUE_LIMIT = 500;

    private final InquiryRepository inquiries;
    private final ClinicCalendar calendar;
    private final CrisisScreen crisisScreen = new CrisisScreen();
    private final IntakeSettings settings;
    private final SubmissionRateLimit rateLimit;
    private final Notifications notifications;
    private final UserAccounts accounts;
    private final OnCall onCall;
    private final Patients patients;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final String baseUrl;

    Inquiries(InquiryRepository inquiries, ClinicCalendar calendar, IntakeSettings settings,
            SubmissionRateLimit rateLimit, Notifications notifications, UserAccounts accounts, OnCall onCall,
            Patients patients, CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, @Value("${kap.clinic.base-url}") String baseUrl) {
        this.inquiries = inquiries;
        this.calendar = calendar;
        this.settings = settings;
        this.rateLimit = rateLimit;
        this.notifications = notifications;
        this.accounts = accounts;
        this.onCall = onCall;
        this.patients = patients;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.baseUrl = baseUrl;
    }

    /** Today in the clinic's time zone (dates of birth are checked against it). */
    LocalDate today() {
        return LocalDate.now(clock.withZone(calendar.zone()));
    }

    /**
     * Stores a validated inquiry, screens it, starts its clock and queues the acknowledgment, all in one transaction.
     * Throws {@link TooManySubmissions} when the address has used up its window.
     */
    Submission submit(NewInquiry inquiry, @Nullable String idempotencyKey, String clientAddress) {
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored: a replay answers the same
        var hash = payloadHash(inquiry);
        var earlier = readTx.execute(status -> idempotencyKey != null
                ? inquiries.findByIdempotencyKey(idempotencyKey)
                : inquiries.findSamePayloadSince(hash, now.minus(settings.duplicateWindow())));
        if (earlier != null && earlier.isPresent()) {
            return replay(earlier.get());
        }
        rateLimit.count(clientAddress, settings.maxSubmissionsPerAddress(), settings.rateWindow(), now);
        try {
            return tx.execute(status -> store(inquiry, idempotencyKey, hash, now));
        } catch (DuplicateKeyException e) {
            // a double submit raced us with the same key: the first one stands
            return replay(readTx.execute(status -> inquiries.findByIdempotencyKey(String.valueOf(idempotencyKey)))
                    .orElseThrow(() -> e));
        }
    }

    /** Counts a submission caught by the honeypot, so a bot is slowed down like anyone else; nothing is stored. */
    void countDiscarded(String clientAddress) {
        rateLimit.count(clientAddress, settings.maxSubmissionsPerAddress(), settings.rateWindow(), clock.instant());
        audit.recordIndependently(new AuditRecord("INQUIRY_DISCARDED", AuditRecord.Outcome.DENIED, null, "Inquiry", null,
                "honeypot field filled"));
    }

    private Submission store(NewInquiry inquiry, @Nullable String idempotencyKey, String hash, Instant now) {
        var cal = calendar.current();
        var screen = crisisScreen.screen(inquiry.message());
        if (inquiry.concerns().contains(Concern.SUICIDAL_THOUGHTS)) {
            var evidence = new java.util.ArrayList<String>();
            evidence.add("ticked: suicidal thoughts");
            evidence.addAll(screen.evidence());
            screen = new CrisisScreenResult(CrisisFinding.POSITIVE, List.copyOf(evidence));
        }
        boolean urgent = screen.finding() == CrisisFinding.POSITIVE;
        boolean minor = Period.between(inquiry.dateOfBirth(), LocalDate.ofInstant(now, cal.zone())).getYears() < settings.adultAge();
        var deadlines = ReplyClock.of(settings).deadlines(cal, now, urgent);
        var id = new InquiryId(UUID.randomUUID());
        var reference = InquiryReferences.fromSequence(inquiries.nextReferenceNumber());
        inquiries.insert(new InquiryRepository.Stored(id, reference, inquiry, now, deadlines, urgent, screen, minor, hash,
                idempotencyKey));
        events.publishEvent(new InquiryEvents.InquirySubmitted(id, reference, urgent, minor, screen.finding()));
        if (inquiry.email() != null) {
            notifications.queueEmail(inquiry.email(), "We received your message (" + reference + ")",
                    InquiryEmails.acknowledgment(reference, deadlines.respondBy(), cal.zone(), urgent));
        }
        if (urgent) {
            for (var to : urgentRecipients()) {
                notifications.queueEmail(to, "URGENT inquiry " + reference + ": same-day triage",
                        InquiryEmails.urgentAlert(reference, link(id), deadlines.afterHours()));
            }
        }
        return new Submission(id, reference, deadlines.respondBy(), cal.zone(), urgent, minor, screen.finding(),
                deadlines.afterHours(), false);
    }

    private Submission replay(InquiryId id) {
        var view = readTx.execute(status -> inquiries.find(id)).orElseThrow();
        return new Submission(id, view.reference(), view.respondBy(), calendar.zone(), view.urgent(), view.minor(),
                view.crisisFinding(), false, true);
    }

    /** The on-call clinician if one is set, else every prescriber: someone clinical hears of it at once. */
    private List<String> urgentRecipients() {
        var onCallAddress = onCall.clinician().flatMap(id -> accounts.notificationAddress(new UserId(id)));
        return onCallAddress.map(List::of).orElseGet(() -> accounts.notificationAddresses(Set.of(Role.PRESCRIBER)));
    }

    String link(InquiryId id) {
        return baseUrl + "/intake/inquiries/" + id;
    }

    @PreAuthorize(STAFF)
    public InquiryView get(InquiryId id) {
        var view = readTx.execute(status -> inquiries.find(id)).orElseThrow(() -> new InquiryNotFound(id));
        audit.recordIndependently(AuditRecord.success("INQUIRY_VIEWED").about("Inquiry", id.toString()));
        return view;
    }

    @PreAuthorize("hasRole('INTAKE_COORDINATOR')")
    public List<QueueEntry> queue() {
        var list = readTx.execute(status -> inquiries.queue(QUEUE_LIMIT));
        audit.recordIndependently(AuditRecord.success("INTAKE_QUEUE_VIEWED").withDetails(list.size() + " inquiries"));
        return list;
    }

    @PreAuthorize(STAFF)
    public List<QueueEntry> awaitingTriage() {
        var list = readTx.execute(status -> inquiries.awaitingTriage(QUEUE_LIMIT));
        audit.recordIndependently(AuditRecord.success("TRIAGE_LIST_VIEWED").withDetails(list.size() + " inquiries"));
        return list;
    }

    /** Logs a contact; the first one stops the reply clock. */
    @PreAuthorize(STAFF)
    public void logContact(InquiryId id, String method, String outcome, @Nullable String note, Instant contactedAt) {
        tx.executeWithoutResult(status -> {
            inquiries.find(id).orElseThrow(() -> new InquiryNotFound(id));
            inquiries.insertContact(id, new InquiryContact(method, outcome, note, contactedAt, currentUser.name()),
                    clock.instant());
            boolean first = inquiries.markFirstContact(id, contactedAt);
            events.publishEvent(new InquiryEvents.InquiryContactLogged(id, method, outcome, first));
        });
    }

    /** A clinician's review of the crisis screen's finding. False if someone already reviewed it. */
    @PreAuthorize(CLINICIAN)
    public boolean triage(InquiryId id, String note) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            inquiries.find(id).orElseThrow(() -> new InquiryNotFound(id));
            boolean done = inquiries.triage(id, currentUser.name(), note, clock.instant());
            if (done) {
                events.publishEvent(new InquiryEvents.InquiryTriaged(id));
            }
            return done;
        }));
    }

    @PreAuthorize("hasRole('INTAKE_COORDINATOR')")
    public boolean close(InquiryId id, InquiryStatus outcome, String reason) {
        if (outcome.active() || outcome == InquiryStatus.CONVERTED) {
            throw new IllegalArgumentException("Close as referred out or closed.");
        }
        return Boolean.TRUE.equals(tx.execute(status -> {
            inquiries.find(id).orElseThrow(() -> new InquiryNotFound(id));
            boolean done = inquiries.close(id, outcome, reason, currentUser.name(), clock.instant());
            if (done) {
                events.publishEvent(new InquiryEvents.InquiryClosed(id, outcome));
            }
            return done;
        }));
    }

    /**
     * Turns the inquiry into a patient record with this therapist on the care team, copying what the person wrote.
     * Refuses with IllegalStateException if the inquiry is no longer active (already converted or closed).
     */
    @PreAuthorize("hasRole('INTAKE_COORDINATOR')")
    public PatientId convertToPatient(InquiryId id, UUID therapistId) {
        return tx.execute(status -> {
            var inquiry = inquiries.find(id).orElseThrow(() -> new InquiryNotFound(id));
            if (!inquiry.status().active()) {
                throw new IllegalStateException("This inquiry is already " + inquiry.status().label().toLowerCase(Locale.ROOT) + ".");
            }
            var patientId = patients.register(new PatientDetails(inquiry.firstName(), inquiry.lastName(), null, null,
                    inquiry.dateOfBirth(), SexAssignedAtBirth.UNKNOWN, null, inquiry.phone(), inquiry.email(), null, null,
                    null, inquiry.state(), null, null, null, null, inquiry.language()));
            patients.assignCareTeam(patientId, therapistId, null);
            if (!inquiries.convert(id, patientId.value(), therapistId, currentUser.name(), clock.instant())) {
                throw new IllegalStateException("This inquiry changed while you were assigning it. Reload and try again.");
            }
            inquiries.markFirstContact(id, clock.instant());
            events.publishEvent(new InquiryEvents.InquiryConverted(id, patientId.value(), therapistId));
            return patientId;
        });
    }

    private static String payloadHash(NewInquiry inquiry) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(inquiry.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "Monday 30 November 2026 at 3:00 PM MST"; a deadline at midnight reads "the end of Friday 27 November 2026". */
    static String format(Instant instant, java.time.ZoneId zone) {
        var local = instant.atZone(zone);
        if (local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return "the end of " + DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.US).format(local.minusDays(1))
                    + " (midnight " + DateTimeFormatter.ofPattern("z", Locale.US).format(local) + ")";
        }
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mm a z", Locale.US).format(local);
    }
}
