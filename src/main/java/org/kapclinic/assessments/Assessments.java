// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads scored administrations. Recording scores the answers with the catalogue, stores them and publishes
 * {@link AssessmentEvents.AssessmentRecorded} in one transaction; the safety module raises any alert inside it.
 */
@Service
@Transactional
public class Assessments {

    static final String CLINICIANS = "hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')";
    /** A clinician may back-date an entry (a paper form scored later), but not by more than this. */
    static final Duration MAX_BACKDATE = Duration.ofDays(366);

    private final InstrumentCatalogue catalogue;
    private final AssessmentRepository repository;
    private final Patients patients;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TrajectoryRules rules;
    private final PatientDirectory directory;

    Assessments(InstrumentCatalogue catalogue, AssessmentRepository repository, Patients patients,
            CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            OutcomeSettings outcomes, PatientDirectory directory) {
        this.directory = directory;
        this.catalogue = catalogue;
        this.repository = repository;
        this.patients = patients;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.rules = new TrajectoryRules(outcomes);
    }

    /**
     * A clinician enters an administration (clinician-rated, or a paper form). {@code administeredAt} defaults to now.
     *
     * @throws IncompleteAnswers naming every problem item; nothing is stored, but the caller can show the flags
     */
    @PreAuthorize(CLINICIANS)
    public AssessmentView recordByClinician(PatientId patient, String instrument, Map<String, Integer> answers,
            @Nullable Instant administeredAt, Channel channel) {
        var view = patients.forCare(patient);
        if (view.voided()) {
            throw new IllegalStateException("This record is voided; measures cannot be added.");
        }
        var now = clock.instant();
        var at = administeredAt == null ? now : administeredAt;
        if (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(now.minus(MAX_BACKDATE))) {
            throw new IllegalArgumentException("administeredAt: give a time in the past year, not in the future.");
        }
        return store(patient, catalogue.get(instrument), answers, at, channel, currentUser.name(), null);
    }

    /** Scores and stores; used by clinician entry and by completed questionnaires (which have no signed-in user). */
    AssessmentView store(PatientId patient, Instrument instrument, Map<String, Integer> answers, Instant at,
            Channel channel, String by, @Nullable RequestId request) {
        var score = catalogue.score(instrument.code(), answers);
        if (!score.complete()) {
            throw new IncompleteAnswers(score);
        }
        var view = new AssessmentView(new AssessmentId(UUID.randomUUID()), patient, instrument.code(),
                instrument.version(), Map.copyOf(answers), score.total(), score.severity(), score.flags(), channel, at,
                clock.instant(), by);
        repository.insert(view, request);
        events.publishEvent(new AssessmentEvents.AssessmentRecorded(view.id(), patient, instrument.code(),
                score.total(), score.severity(), score.flags(), SafetyFindings.of(instrument, score, answers), channel));
        return view;
    }

    /** Every administration for a patient, oldest first; {@code instrument} narrows it to one. */
    @PreAuthorize(CLINICIANS)
    @Transactional // not read-only: the read is audited
    public List<AssessmentView> history(PatientId patient, @Nullable String instrument) {
        patients.forCare(patient);
        if (instrument != null) {
            catalogue.get(instrument);
        }
        audit.record(AuditRecord.patient("ASSESSMENTS_VIEWED", patient.value())
                .withDetails(instrument == null ? "all" : instrument));
        return repository.forPatient(patient, instrument);
    }

    /** One instrument's chart data and status for a patient. */
    @PreAuthorize(CLINICIANS)
    @Transactional // not read-only: the read is audited
    public Trajectory trajectory(PatientId patient, String instrument) {
        return rules.build(catalogue.get(instrument), history(patient, instrument));
    }

    /** A trajectory per instrument the patient has scores on, in catalogue order (the measures overview). */
    @PreAuthorize(CLINICIANS)
    @Transactional // not read-only: the read is audited
    public List<Trajectory> trajectories(PatientId patient) {
        var all = history(patient, null);
        return catalogue.all().stream()
                .map(i -> rules.build(i, all.stream().filter(a -> a.instrument().equals(i.code())).toList()))
                .filter(t -> !t.empty()).toList();
    }

    /** The signed-in patient's own self-report trajectories (the portal's progress page). */
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional // not read-only: the read is audited
    public List<Trajectory> ownTrajectories() {
        var patient = directory.byAccount(currentUser.get().id().value())
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
                        "No patient record is linked to this account."));
        patients.forCare(patient);
        audit.record(AuditRecord.patient("ASSESSMENTS_VIEWED", patient.value()).withDetails("portal progress"));
        var all = repository.forPatient(patient, null);
        return catalogue.all().stream().filter(Instruments::selfReport)
                .map(i -> rules.build(i, all.stream().filter(a -> a.instrument().equals(i.code())).toList()))
                .filter(t -> !t.empty()).toList();
    }

    @PreAuthorize(CLINICIANS)
    @Transactional // not read-only: the read is audited
    public AssessmentView get(AssessmentId id) {
        var view = repository.find(id).orElseThrow(() -> new AssessmentNotFound(id));
        patients.forCare(view.patientId());
        audit.record(new AuditRecord("ASSESSMENT_VIEWED", AuditRecord.Outcome.SUCCESS, view.patientId().value(),
                "Assessment", id.toString(), null));
        return view;
    }
}
