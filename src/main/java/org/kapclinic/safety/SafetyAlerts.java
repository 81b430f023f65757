// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.AssessmentEvents;
import org.kapclinic.assessments.SafetyFinding;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.intake.CrisisFinding;
import org.kapclinic.intake.CrisisScreened;
import org.kapclinic.intake.InquiryEvents;
import org.kapclinic.notifications.Notifications;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety module's entry point. Alerts are raised by synchronous listeners inside the transaction that stores the
 * answers (docs/adr/010-safety-alerts-in-the-answers-transaction.md), so an acknowledged submission always has its
 * alert. A repeat finding joins an open alert of the same or higher level; after acknowledgment, the same finding
 * within the quiet window is recorded on the acknowledged alert without paging; anything more severe raises a new one.
 */
@Service
@Transactional
public class SafetyAlerts {

    static final String CLINICIANS = "hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')";
    private static final int MAX_NOTE = 2000;
    private static final int INBOX_LIMIT = 500;

    /** A row of the Safety inbox. {@code mine} when the reader is on the patient's care team or on duty for it. */
    public record InboxRow(Alert alert, @Nullable String patientName, @Nullable String mrn, boolean mine) {}

    public record Inbox(List<InboxRow> open, List<InboxRow> recentlyAcknowledged) {}

    public record AlertDetail(Alert alert, @Nullable String patientName, @Nullable String mrn, List<Finding> findings,
            List<AlertRepository.Escalation> escalations) {}

    private final AlertRepository alerts;
    private final LevelTable levels;
    private final AlertRouting routing;
    private final DutyRoster duty;
    private final Notifications notifications;
    private final ClinicCalendar calendar;
    private final Patients patients;
    private final PatientDirectory directory;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SafetySettings settings;
    private final EscalationPlan plan;
    private final Clock clock;
    private final String baseUrl;

    SafetyAlerts(AlertRepository alerts, LevelTable levels, AlertRouting routing, DutyRoster duty,
            Notifications notifications, ClinicCalendar calendar, Patients patients, PatientDirectory directory,
            CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events, SafetySettings settings,
            Clock clock, @Value("${kap.clinic.base-url}") String baseUrl) {
        this.alerts = alerts;
        this.levels = levels;
        this.routing = routing;
        this.duty = duty;
        this.notifications = notifications;
        this.calendar = calendar;
        this.patients = patients;
        this.directory = directory;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.plan = new EscalationPlan(settings);
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    // --- raised by events, inside the publisher's transaction ------------------------------------------------

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AssessmentEvents.AssessmentRecorded event) {
        var by = currentUser.find().map(ClinicUser::email).orElse("patient");
        raiseAll(event.patientId(), event.findings(), "ASSESSMENT", event.id().value(), by);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AssessmentEvents.SafetyAnswersSaved event) {
        var by = currentUser.find().map(ClinicUser::email).orElse("patient");
        raiseAll(event.patientId(), event.findings(), "QUESTIONNAIRE", event.requestId().value(), by);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(InquiryEvents.InquirySubmitted event) {
        if (event.crisisFinding() == CrisisFinding.POSITIVE) {
            raise(null, event.id().value(), Triggers.URGENT_INQUIRY, "Inquiry " + event.reference()
                    + ": the crisis screen found risk language", "INQUIRY", event.id().value(), "inquiry form");
        } else if (event.crisisFinding() == CrisisFinding.NEGATED_MENTION) {
            raise(null, event.id().value(), Triggers.NEGATED_MENTION, "Inquiry " + event.reference()
                    + ": suicide mentioned only in negation", "INQUIRY", event.id().value(), "inquiry form");
        }
    }

    /**
     * A patient's own words screened by the intake crisis screen elsewhere (a reflection in the portal): the same path
     * as an inquiry, but the alert is linked to the patient.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CrisisScreened event) {
        var by = currentUser.find().map(ClinicUser::email).orElse("patient");
        var what = "REFLECTION".equals(event.screenedSource()) ? "A reflection written in the portal"
                : "Text the patient wrote (" + event.screenedSource().toLowerCase(java.util.Locale.ROOT) + ")";
        if (CrisisFinding.POSITIVE.name().equals(event.crisisFinding())) {
            raise(event.patientId(), null, Triggers.URGENT_REFLECTION, what + ": the crisis screen found risk language ("
                    + event.evidence() + ")", event.screenedSource(), event.screenedSourceId(), by);
        } else if (CrisisFinding.NEGATED_MENTION.name().equals(event.crisisFinding())) {
            raise(event.patientId(), null, Triggers.NEGATED_MENTION, what + ": suicide mentioned only in negation ("
                    + event.evidence() + ")", event.screenedSource(), event.screenedSourceId(), by);
        }
    }

    /** Triage on the inquiry page is the clinician's action on an inquiry's alert. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(InquiryEvents.InquiryTriaged event) {
        for (var alert : alerts.openFor(null, event.id().value())) {
            acknowledgeOpen(alert, AckAction.TRIAGED_INQUIRY, "Triaged on the inquiry page.", settings.quietWindow());
        }
    }

    private void raiseAll(PatientId patient, List<SafetyFinding> findings, String sourceType, UUID source, String by) {
        // each trigger's level read once; most severe first, so a lower finding joins the alert the severe one raised
        var levelOf = new java.util.HashMap<String, AlertLevel>();
        findings.forEach(f -> levelOf.computeIfAbsent(f.trigger(), levels::levelFor));
        var ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparing((SafetyFinding f) -> levelOf.get(f.trigger()).rank()).reversed());
        for (var finding : ordered) {
            raise(patient.value(), null, finding.trigger(), levelOf.get(finding.trigger()), finding.detail(),
                    sourceType, source, by);
        }
    }

    private AlertId raise(@Nullable UUID patient, @Nullable UUID inquiry, String trigger, String detail,
            String sourceType, @Nullable UUID source, String by) {
        return raise(patient, inquiry, trigger, levels.levelFor(trigger), detail, sourceType, source, by);
    }

    private AlertId raise(@Nullable UUID patient, @Nullable UUID inquiry, String trigger, AlertLevel level,
            String detail, String sourceType, @Nullable UUID source, String by) {
        var now = clock.instant();
        var open = alerts.openFor(patient, inquiry);
        if (!open.isEmpty() && open.get(0).level().atLeast(level)) {
            return attach(open.get(0), trigger, level, detail, sourceType, source, by, Finding.Outcome.REPEAT, now);
        }
        var quiet = alerts.quietFor(patient, inquiry, trigger, now).stream().filter(a -> a.level().atLeast(level))
                .findFirst();
        if (quiet.isPresent()) {
            return attach(quiet.get(), trigger, level, detail, sourceType, source, by, Finding.Outcome.QUIET_REPEAT, now);
        }
        var page = plan.onRaise(level, calendar.current(), now);
        var alert = new Alert(new AlertId(UUID.randomUUID()), patient, inquiry, level, trigger, truncate(detail, 300),
                Alert.Status.OPEN, now, by, page.step(), page.next(), null, null, null, null, null, 0);
        alerts.insert(alert);
        alerts.insertFinding(new Finding(UUID.randomUUID(), alert.id(), now, trigger, level, sourceType, source, detail,
                Finding.Outcome.RAISED, by));
        events.publishEvent(new SafetyEvents.AlertRaised(alert.id(), patient, level, trigger));
        page(alert, page.step(), page.includeLower(), now);
        return alert.id();
    }

    private AlertId attach(Alert alert, String trigger, AlertLevel level, String detail, String sourceType,
            @Nullable UUID source, String by, Finding.Outcome outcome, Instant now) {
        alerts.insertFinding(new Finding(UUID.randomUUID(), alert.id(), now, trigger, level, sourceType, source, detail,
                outcome, by));
        events.publishEvent(new SafetyEvents.FindingAttached(alert.id(), alert.patientId(), trigger, outcome));
        return alert.id();
    }

    /** Emails the step's recipients (a link behind sign-in, no clinical detail) and logs the escalation. */
    void page(Alert alert, int step, boolean includeLower, Instant now) {
        var recipients = routing.recipients(alert, step, includeLower);
        var link = baseUrl + "/safety/alerts/" + alert.id();
        for (var to : recipients) {
            notifications.queueEmail(to, "Safety alert: acknowledgment needed (" + alert.level().label() + ")",
                    "A safety alert at the clinic needs a clinician's acknowledgment.\n\nPriority: "
                            + alert.level().label() + "\n\nOpen it (sign-in required):\n" + link
                            + "\n\nThis email carries no clinical details by design.\n");
        }
        if (step == Alert.ON_CALL) {
            for (var to : routing.informed()) {
                notifications.queueEmail(to, "For information: a safety alert reached on-call",
                        "An unacknowledged safety alert has been escalated to the on-call clinician and clinical lead."
                                + " No action is needed from an admin; this is for your information.\n\n" + link + "\n");
            }
        }
        alerts.insertEscalation(alert.id(), step, now, recipients);
        events.publishEvent(new SafetyEvents.AlertEscalated(alert.id(), alert.patientId(), step, recipients.size()));
    }

    // --- clinicians ------------------------------------------------------------------------------------------

    /** A clinician's own flag: imminent risk (immediate by default) or a concern (same day). */
    @PreAuthorize(CLINICIANS)
    public AlertId flag(PatientId patient, boolean imminent, String note) {
        var view = patients.forCare(patient);
        if (view.voided()) {
            throw new IllegalStateException("This record is voided.");
        }
        var text = requireNote(note);
        return raise(patient.value(), null, imminent ? Triggers.CLINICIAN_IMMINENT : Triggers.CLINICIAN_CONCERN,
                "Clinician flag: " + text, "CLINICIAN", null, currentUser.name());
    }

    @PreAuthorize(CLINICIANS)
    @Transactional // not read-only: the read is audited
    public Inbox inbox() {
        var me = currentUser.get();
        var roster = duty.current();
        boolean onDuty = me.id().value().equals(roster.prescriberOnDuty()) || me.id().value().equals(roster.onCall())
                || me.id().value().equals(roster.clinicalLead());
        boolean careTeamOnly = patients.careTeamOnly();
        var open = alerts.open(INBOX_LIMIT);
        var acknowledged = alerts.recentlyAcknowledged(clock.instant().minus(Duration.ofDays(7)), 50);
        var ids = new HashSet<UUID>();
        open.forEach(a -> addPatient(ids, a));
        acknowledged.forEach(a -> addPatient(ids, a));
        var labels = directory.labels(ids);
        java.util.function.Function<Alert, InboxRow> row = alert -> {
            var label = alert.patientId() == null ? null : labels.get(alert.patientId());
            return new InboxRow(alert, label == null ? null : label.name(), label == null ? null : label.mrn(),
                    mine(alert, label, me, onDuty));
        };
        var openRows = new ArrayList<>(open.stream().map(row).filter(r -> !careTeamOnly || r.mine()).toList());
        openRows.sort(Comparator.comparing((InboxRow r) -> r.alert().level().rank()).reversed()
                .thenComparing(r -> r.alert().raisedAt()));
        var ackRows = acknowledged.stream().map(row).filter(r -> !careTeamOnly || r.mine()).toList();
        audit.record(AuditRecord.success("SAFETY_INBOX_VIEWED").withDetails(openRows.size() + " open"));
        return new Inbox(openRows, ackRows);
    }

    @PreAuthorize(CLINICIANS)
    @Transactional // not read-only: the read is audited
    public AlertDetail detail(AlertId id) {
        var alert = readable(id);
        var label = alert.patientId() == null ? null
                : directory.labels(List.of(alert.patientId())).get(alert.patientId());
        audit.record(new AuditRecord("SAFETY_ALERT_VIEWED", AuditRecord.Outcome.SUCCESS, alert.patientId(),
                "SafetyAlert", id.toString(), null));
        return new AlertDetail(alert, label == null ? null : label.name(), label == null ? null : label.mrn(),
                alerts.findings(id), alerts.escalations(id));
    }

    /**
     * Acknowledges with the action taken. {@code quietDays}: the same finding within this many days is recorded but
     * does not page again (default 7).
     */
    @PreAuthorize(CLINICIANS)
    public void acknowledge(AlertId id, AckAction action, @Nullable String note, @Nullable Integer quietDays) {
        var alert = readable(id);
        if (!alert.open()) {
            throw new AlertAlreadyAcknowledged(alert);
        }
        var text = note == null || note.isBlank() ? null : note.strip();
        if (action == AckAction.OTHER && text == null) {
            throw new IllegalArgumentException("note: say what you did.");
        }
        if (text != null && text.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note: use at most " + MAX_NOTE + " characters.");
        }
        var days = quietDays == null ? settings.quietWindow() : Duration.ofDays(quietDays);
        if (days.isNegative() || days.toDays() > 90) {
            throw new IllegalArgumentException("quietDays: give 0 to 90 days.");
        }
        if (!acknowledgeOpen(alert, action, text, days)) {
            throw new AlertAlreadyAcknowledged(alerts.find(id).orElse(alert));
        }
    }

    private boolean acknowledgeOpen(Alert alert, AckAction action, @Nullable String note, Duration quiet) {
        var now = clock.instant();
        if (!alerts.acknowledge(alert.id(), now, currentUser.name(), action, note, now.plus(quiet))) {
            return false;
        }
        events.publishEvent(new SafetyEvents.AlertAcknowledged(alert.id(), alert.patientId(), action));
        return true;
    }

    /** The patient's alerts, newest first (the measures page and the API). */
    @PreAuthorize(CLINICIANS)
    @Transactional // not read-only: the read is audited
    public List<Alert> forPatient(PatientId patient) {
        patients.forCare(patient);
        audit.record(AuditRecord.patient("SAFETY_ALERTS_VIEWED", patient.value()));
        return alerts.forPatient(patient.value(), 100);
    }

    /** The alerts a stored assessment or questionnaire raised or joined. */
    @PreAuthorize(CLINICIANS)
    @Transactional(readOnly = true)
    public List<AlertId> alertsFor(UUID source) {
        return alerts.alertsForSource(source);
    }

    /** For the home card: counts only. */
    @PreAuthorize(CLINICIANS)
    @Transactional(readOnly = true)
    public int openCount() {
        return alerts.countOpen();
    }

    private Alert readable(AlertId id) {
        var alert = alerts.find(id).orElseThrow(() -> new AlertNotFound(id));
        if (alert.patientId() != null) {
            patients.forCare(new PatientId(alert.patientId()));
        }
        return alert;
    }

    private static boolean mine(Alert alert, PatientDirectory.@Nullable Label label, ClinicUser me, boolean onDuty) {
        if (alert.patientId() == null) {
            return true; // the clinic's triage: every clinician's
        }
        var team = label == null ? null : label.careTeam();
        if (team == null || team.isEmpty()) {
            return true;
        }
        var id = me.id().value();
        return id.equals(team.therapistId()) || id.equals(team.prescriberId())
                || (onDuty && alert.step() >= Alert.PRESCRIBER_ON_DUTY);
    }

    private static void addPatient(HashSet<UUID> ids, Alert alert) {
        if (alert.patientId() != null) {
            ids.add(alert.patientId());
        }
    }

    private static String requireNote(@Nullable String note) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("note: say what you observed.");
        }
        var text = note.strip();
        if (text.length() > 280) {
            throw new IllegalArgumentException("note: use at most 280 characters.");
        }
        return text;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
