// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.notifications.Notifications;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires given to patients: by a single-use emailed link (opened without signing in), on a clinic tablet in
 * kiosk mode, or in the portal. Answers are saved as the patient goes; a safety answer raises its alert in the same
 * transaction as the save, even if the questionnaire is never finished. The link is used up only by the final submit.
 */
@Service
@Transactional
public class Questionnaires {

    /** What a patient answers: the request and its instrument. */
    public record Answering(QuestionnaireRequest request, Instrument instrument) {}

    public record SentLink(RequestId id, String sentTo, Instant expiresAt) {}

    private static final int HISTORY_LIMIT = 50;

    private final InstrumentCatalogue catalogue;
    private final QuestionnaireRepository requests;
    private final Assessments assessments;
    private final Patients patients;
    private final PatientDirectory directory;
    private final Notifications notifications;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final QuestionnaireSettings settings;
    private final Clock clock;
    private final String baseUrl;
    private final String clinicName;
    private final ZoneId zone;

    Questionnaires(InstrumentCatalogue catalogue, QuestionnaireRepository requests, Assessments assessments,
            Patients patients, PatientDirectory directory, Notifications notifications, CurrentUser currentUser,
            AuditTrail audit, ApplicationEventPublisher events, QuestionnaireSettings settings, Clock clock,
            @Value("${kap.clinic.base-url}") String baseUrl, @Value("${kap.clinic.name}") String clinicName,
            @Value("${kap.clinic.time-zone}") String zone) {
        this.catalogue = catalogue;
        this.requests = requests;
        this.assessments = assessments;
        this.patients = patients;
        this.directory = directory;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.clinicName = clinicName;
        this.zone = ZoneId.of(zone);
    }

    // --- staff -----------------------------------------------------------------------------------------------

    /** Emails the patient a single-use link to a self-report questionnaire. The email carries no clinical detail. */
    @PreAuthorize(Assessments.CLINICIANS)
    public SentLink sendLink(PatientId patient, String instrumentCode) {
        var view = patients.forCare(patient);
        var instrument = selfReport(instrumentCode);
        if (view.voided()) {
            throw new IllegalStateException("This record is voided; questionnaires cannot be sent.");
        }
        var email = view.details().email();
        if (email == null) {
            throw new IllegalArgumentException("Add the patient's email address to the record first.");
        }
        var now = clock.instant();
        var token = LinkTokens.newToken();
        var request = newRequest(patient, instrument, Channel.LINK, email, now, now.plus(settings.linkValidity()),
                now.plus(settings.reminderAfter()));
        requests.insert(request, LinkTokens.hash(token));
        notifications.queueEmailAbout(patient.value(), email, "A questionnaire from " + clinicName,
                linkEmail(token, request.expiresAt(), false), null);
        events.publishEvent(new AssessmentEvents.QuestionnaireSent(request.id(), patient, instrument.code(), Channel.LINK));
        return new SentLink(request.id(), email, request.expiresAt());
    }

    /**
     * Sends a scheduled questionnaire (no signed-in user: the schedule's job). Emailed when the patient has an email
     * address, and always listed in their portal. Not sent while the same instrument is still open for them, or when
     * the record is voided. Returns whether one was sent.
     */
    boolean sendScheduled(PatientId patient, String instrumentCode) {
        var now = clock.instant();
        if (requests.openFor(patient, now).stream().anyMatch(r -> r.instrument().equals(instrumentCode))) {
            return false;
        }
        var contact = directory.contact(patient).orElse(null);
        if (contact == null || contact.voided()) {
            return false;
        }
        var instrument = catalogue.get(instrumentCode);
        var token = LinkTokens.newToken();
        var request = new QuestionnaireRequest(new RequestId(UUID.randomUUID()), patient, instrument.code(), Channel.LINK,
                QuestionnaireRequest.Status.OPEN, Map.of(), List.of(), contact.email(), now, "measurement schedule",
                now.plus(settings.linkValidity()), contact.email() == null ? null : now.plus(settings.reminderAfter()),
                null, null, null, null, 0);
        requests.insert(request, LinkTokens.hash(token));
        if (contact.email() != null) {
            notifications.queueEmailAbout(patient.value(), contact.email(), "A questionnaire from " + clinicName,
                    linkEmail(token, request.expiresAt(), false), null);
        }
        events.publishEvent(new AssessmentEvents.QuestionnaireSent(request.id(), patient, instrument.code(), Channel.LINK));
        return true;
    }

    /**
     * Opens a kiosk questionnaire for the patient on this device and returns its token. The caller then ends the
     * staff session, so leaving the kiosk needs a staff sign-in and the patient never sees a chart.
     */
    @PreAuthorize(Assessments.CLINICIANS)
    public String startKiosk(PatientId patient, String instrumentCode) {
        var view = patients.forCare(patient);
        var instrument = selfReport(instrumentCode);
        if (view.voided()) {
            throw new IllegalStateException("This record is voided; questionnaires cannot be given.");
        }
        var now = clock.instant();
        var token = LinkTokens.newToken();
        var request = newRequest(patient, instrument, Channel.KIOSK, null, now, now.plus(settings.kioskValidity()), null);
        requests.insert(request, LinkTokens.hash(token));
        events.publishEvent(new AssessmentEvents.QuestionnaireSent(request.id(), patient, instrument.code(), Channel.KIOSK));
        return token;
    }

    @PreAuthorize(Assessments.CLINICIANS)
    public void cancel(PatientId patient, RequestId id) {
        var request = requests.find(id).filter(r -> r.patientId().equals(patient))
                .orElseThrow(() -> new LinkUnusable(LinkUnusable.Reason.UNKNOWN));
        patients.forCare(request.patientId());
        if (requests.cancel(id, clock.instant(), currentUser.name())) {
            events.publishEvent(new AssessmentEvents.QuestionnaireCancelled(id, request.patientId()));
        }
    }

    /** Questionnaires sent to the patient, newest first. */
    @PreAuthorize(Assessments.CLINICIANS)
    @Transactional // not read-only: the read is audited
    public List<QuestionnaireRequest> sentTo(PatientId patient) {
        patients.forCare(patient);
        audit.record(AuditRecord.patient("QUESTIONNAIRES_VIEWED", patient.value()));
        return requests.forPatient(patient, HISTORY_LIMIT);
    }

    // --- by link or kiosk token, no sign-in ------------------------------------------------------------------

    public Answering open(String token) {
        var request = byToken(token);
        var now = clock.instant();
        if (requests.markOpened(request.id(), now)) {
            events.publishEvent(new AssessmentEvents.QuestionnaireOpened(request.id(), request.patientId()));
        } else {
            audit.record(new AuditRecord("QUESTIONNAIRE_OPENED", AuditRecord.Outcome.SUCCESS,
                    request.patientId().value(), "QuestionnaireRequest", request.id().toString(), "again"));
        }
        return new Answering(request, catalogue.get(request.instrument()));
    }

    /** Saves the answers so far; raises alerts for any new safety answer at once. */
    public QuestionnaireOutcome save(String token, Map<String, Integer> answers) {
        var request = byToken(token);
        return saveDraft(request, answers, true);
    }

    /** Saves and, when every item is answered, scores, stores and uses up the link. */
    public QuestionnaireOutcome submit(String token, Map<String, Integer> answers) {
        var request = byToken(token);
        return submit(request, answers, request.channel(), "patient via " + request.channel().label().toLowerCase());
    }

    // --- portal ----------------------------------------------------------------------------------------------

    /** The signed-in patient's questionnaires still open. */
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional // not read-only: the read is audited
    public List<Answering> due() {
        var patient = ownPatient();
        audit.record(AuditRecord.patient("QUESTIONNAIRES_VIEWED", patient.value()).withDetails("portal"));
        return requests.openFor(patient, clock.instant()).stream()
                .map(r -> new Answering(r, catalogue.get(r.instrument()))).toList();
    }

    @PreAuthorize("hasRole('PATIENT')")
    public Answering openOwn(RequestId id) {
        var request = own(id);
        if (requests.markOpened(id, clock.instant())) {
            events.publishEvent(new AssessmentEvents.QuestionnaireOpened(id, request.patientId()));
        }
        return new Answering(request, catalogue.get(request.instrument()));
    }

    @PreAuthorize("hasRole('PATIENT')")
    public QuestionnaireOutcome saveOwn(RequestId id, Map<String, Integer> answers) {
        return saveDraft(own(id), answers, true);
    }

    @PreAuthorize("hasRole('PATIENT')")
    public QuestionnaireOutcome submitOwn(RequestId id, Map<String, Integer> answers) {
        return submit(own(id), answers, Channel.PORTAL, currentUser.name());
    }

    // --- shared ----------------------------------------------------------------------------------------------

    String linkEmail(String token, Instant expiresAt, boolean reminder) {
        var until = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' h:mm a").format(expiresAt.atZone(zone));
        return (reminder ? "A reminder: your care team" : "Your care team") + " at " + clinicName
                + " has asked you to answer a short questionnaire.\n\n"
                + "Open this link to answer it. It is personal to you, so please do not forward it. Your answers are"
                + " saved as you go, and the link works until you submit, or until " + until + ".\n\n"
                + baseUrl + "/q/" + token + "\n\n"
                // discreet on purpose: a shared inbox shows subjects and first lines, so nothing says what it is about
                + "Your answers are not monitored around the clock. If you need help now, call or text 988, text HOME"
                + " to 741741, or call 911.\n";
    }

    private QuestionnaireOutcome submit(QuestionnaireRequest request, Map<String, Integer> answers, Channel channel,
            String by) {
        var instrument = catalogue.get(request.instrument());
        var clean = inRange(instrument, answers);
        var score = catalogue.score(instrument.code(), clean);
        if (!score.complete() || clean.size() != answers.size()) {
            // keep what was given and raise any safety alert, but do not use up the link
            return saveDraft(request, answers, true);
        }
        saveDraft(request, answers, false);
        var now = clock.instant();
        var assessment = assessments.store(request.patientId(), instrument, clean, now, channel, by, request.id());
        if (!requests.complete(request.id(), request.version() + 1, assessment.id(), now)) {
            throw new QuestionnaireChanged();
        }
        return new QuestionnaireOutcome(assessment, findingTriggers(instrument, score, clean), List.of());
    }

    private QuestionnaireOutcome saveDraft(QuestionnaireRequest request, Map<String, Integer> answers,
            boolean raiseFindings) {
        var instrument = catalogue.get(request.instrument());
        var clean = inRange(instrument, answers);
        var score = catalogue.score(instrument.code(), clean);
        var findings = SafetyFindings.of(instrument, score, clean);
        var raised = new LinkedHashSet<>(request.flagsRaised());
        var fresh = findings.stream().filter(f -> !request.flagsRaised().contains(f.trigger())).toList();
        fresh.forEach(f -> raised.add(f.trigger()));
        if (!requests.saveDraft(request.id(), request.version(), clean, List.copyOf(raised), clock.instant())) {
            throw new QuestionnaireChanged();
        }
        events.publishEvent(new AssessmentEvents.QuestionnaireProgressSaved(request.id(), request.patientId(), clean.size()));
        if (raiseFindings && !fresh.isEmpty()) {
            events.publishEvent(new AssessmentEvents.SafetyAnswersSaved(request.id(), request.patientId(),
                    instrument.code(), fresh));
        }
        var problems = new ArrayList<>(score.problems());
        answers.forEach((item, value) -> {
            if (!clean.containsKey(item)) {
                problems.add(new Score.ItemProblem(item, "Choose one of the answers given."));
            }
        });
        return new QuestionnaireOutcome(null, findingTriggers(instrument, score, clean), problems);
    }

    private static List<String> findingTriggers(Instrument instrument, Score score, Map<String, Integer> answers) {
        return SafetyFindings.of(instrument, score, answers).stream().map(SafetyFinding::trigger).toList();
    }

    /** Known items with values in range; anything else is left out (and reported as a problem by the caller). */
    private static Map<String, Integer> inRange(Instrument instrument, Map<String, Integer> answers) {
        var clean = new LinkedHashMap<String, Integer>();
        for (var item : instrument.items()) {
            var value = answers.get(item.id());
            if (value != null && value >= item.min() && value <= item.max()) {
                clean.put(item.id(), value);
            }
        }
        return clean;
    }

    private QuestionnaireRequest byToken(String token) {
        if (!LinkTokens.wellFormed(token)) {
            throw new LinkUnusable(LinkUnusable.Reason.UNKNOWN);
        }
        var request = requests.findByTokenHash(LinkTokens.hash(token))
                .orElseThrow(() -> new LinkUnusable(LinkUnusable.Reason.UNKNOWN));
        return usable(request);
    }

    private QuestionnaireRequest own(RequestId id) {
        var patient = ownPatient();
        var request = requests.find(id).filter(r -> r.patientId().equals(patient))
                .orElseThrow(() -> new LinkUnusable(LinkUnusable.Reason.UNKNOWN));
        return usable(request);
    }

    private QuestionnaireRequest usable(QuestionnaireRequest request) {
        switch (request.status()) {
            case COMPLETED -> throw new LinkUnusable(LinkUnusable.Reason.COMPLETED);
            case CANCELLED -> throw new LinkUnusable(LinkUnusable.Reason.CANCELLED);
            case OPEN -> {
                if (!clock.instant().isBefore(request.expiresAt())) {
                    throw new LinkUnusable(LinkUnusable.Reason.EXPIRED);
                }
            }
        }
        return request;
    }

    private PatientId ownPatient() {
        return directory.byAccount(currentUser.get().id().value())
                .orElseThrow(() -> new AccessDeniedException("No patient record is linked to this account."));
    }

    private Instrument selfReport(String code) {
        var instrument = catalogue.get(code);
        if (!Instruments.selfReport(instrument)) {
            throw new IllegalArgumentException("instrument: " + Instruments.shortName(instrument)
                    + " is rated by a clinician; enter it in the chart instead.");
        }
        return instrument;
    }

    private QuestionnaireRequest newRequest(PatientId patient, Instrument instrument, Channel channel,
            @org.jspecify.annotations.Nullable String sentTo, Instant now, Instant expires,
            @org.jspecify.annotations.Nullable Instant remindAt) {
        return new QuestionnaireRequest(new RequestId(UUID.randomUUID()), patient, instrument.code(), channel,
                QuestionnaireRequest.Status.OPEN, Map.of(), List.of(), sentTo, now, currentUser.name(), expires,
                remindAt, null, null, null, null, 0);
    }
}
