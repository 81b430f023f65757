// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prescriber's evaluation: history, antidepressant trials, screening and the signed decision. Clinicians on the
 * care team read it; only a prescriber changes it. Once the decision is signed the evaluation is closed; a change of
 * mind is an amendment, and a later re-evaluation starts a new evaluation.
 */
@Service
@Transactional
public class Evaluations {

    static final String PRESCRIBER = "hasRole('PRESCRIBER')";

    /** What a new trial row holds, as typed. */
    public record TrialForm(String drug, @Nullable BigDecimal maxDailyMg, @Nullable Integer weeksAtDose,
            @Nullable Adherence adherence, @Nullable TrialOutcome outcome, boolean augmentation, boolean currentEpisode,
            @Nullable String note) {}

    private final JdbcClient jdbc;
    private final Patients patients;
    private final Assessments assessments;
    private final Medications medications;
    private final Consents consents;
    private final DoseFloors floors;
    private final EligibilitySettings settings;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    Evaluations(JdbcClient jdbc, Patients patients, Assessments assessments, Medications medications, Consents consents,
            DoseFloors floors, EligibilitySettings settings, CurrentUser currentUser, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock, @Value("${kap.clinic.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.assessments = assessments;
        this.medications = medications;
        this.consents = consents;
        this.floors = floors;
        this.settings = settings;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Starts an evaluation for {@code modality}; refused while another one is open. */
    @PreAuthorize(PRESCRIBER)
    public Evaluation start(PatientId patient, Modality modality) {
        writable(patient);
        if (current(patient).filter(Evaluation::open).isPresent()) {
            throw new IllegalArgumentException("modality: an evaluation is already open; finish it with a decision first.");
        }
        var now = now();
        var e = new Evaluation(UUID.randomUUID(), patient, modality, null, TreatmentHistory.NONE, TreatmentHistory.NONE,
                null, null, "", Evaluation.Status.OPEN, now, currentUser.name(), now, currentUser.name(), 0);
        jdbc.sql("""
                INSERT INTO evaluation (id, patient_id, modality, ect, tms, notes, status, started_at, started_by,
                    updated_at, updated_by, version)
                VALUES (:id, :p, :m, 'NONE', 'NONE', '', 'OPEN', :at, :by, :at, :by, 0)""")
                .param("id", e.id()).param("p", patient.value()).param("m", modality.name()).param("at", utc(now))
                .param("by", currentUser.name()).update();
        audit.record(new AuditRecord("EVALUATION_STARTED", AuditRecord.Outcome.SUCCESS, patient.value(), "Evaluation",
                e.id().toString(), modality.name()));
        return e;
    }

    /** The page's content, or empty when no evaluation was ever started. The read is audited. */
    @PreAuthorize(DoseFloors.CLINICIANS)
    @Transactional // not read-only: the read is audited
    public Optional<EvaluationSummary> summary(PatientId patient) {
        patients.forCare(patient);
        audit.record(AuditRecord.patient("EVALUATION_VIEWED", patient.value()));
        return current(patient).map(this::summarise);
    }

    /** The latest signed decision (amendments included), for the treatment plan. */
    @PreAuthorize(DoseFloors.CLINICIANS)
    @Transactional
    public Optional<Decision> latestDecision(PatientId patient) {
        patients.forCare(patient);
        audit.record(AuditRecord.patient("ELIGIBILITY_DECISION_VIEWED", patient.value()));
        return jdbc.sql("SELECT * FROM eligibility_decision WHERE patient_id = :p ORDER BY signed_at DESC LIMIT 1")
                .param("p", patient.value()).query(Evaluations::decision).optional();
    }

    @PreAuthorize(PRESCRIBER)
    public Evaluation saveHistory(PatientId patient, Evaluation.History h) {
        writable(patient);
        var e = openEvaluation(patient);
        var today = LocalDate.now(clock.withZone(zone));
        if (h.episodeStart() != null && h.episodeStart().isAfter(today)) {
            throw new IllegalArgumentException("episodeStart: the episode cannot start in the future.");
        }
        if (h.episodeStart() != null && h.episodeStart().isBefore(today.minusYears(80))) {
            throw new IllegalArgumentException("episodeStart: check the year.");
        }
        if (h.remsEnrolledOn() != null && h.remsEnrolledOn().isAfter(today)) {
            throw new IllegalArgumentException("remsEnrolledOn: enrolment cannot be in the future.");
        }
        if (h.remsEnrolledOn() != null && h.modality() != Modality.ESKETAMINE) {
            throw new IllegalArgumentException("remsEnrolledOn: REMS enrolment applies to esketamine only.");
        }
        var notes = h.notes() == null ? "" : h.notes().strip();
        if (notes.length() > 4000) {
            throw new IllegalArgumentException("notes: use at most 4000 characters.");
        }
        var now = now();
        int n = jdbc.sql("""
                UPDATE evaluation SET modality = :m, episode_start = :es, ect = :ect, tms = :tms, severity = :sev,
                    rems_enrolled_on = :rems, notes = :notes, updated_at = :at, updated_by = :by, version = version + 1
                WHERE id = :id AND version = :v AND status = 'OPEN'""")
                .param("m", h.modality().name()).param("es", h.episodeStart()).param("ect", h.ect().name())
                .param("tms", h.tms().name()).param("sev", h.severity() == null ? null : h.severity().name())
                .param("rems", h.remsEnrolledOn()).param("notes", notes).param("at", utc(now))
                .param("by", currentUser.name()).param("id", e.id()).param("v", h.version()).update();
        if (n == 0) {
            throw new IllegalStateException("Someone else saved this evaluation while you were editing. Reload to see"
                    + " their change, then make yours again.");
        }
        audit.record(new AuditRecord("EVALUATION_UPDATED", AuditRecord.Outcome.SUCCESS, patient.value(), "Evaluation",
                e.id().toString(), "history"));
        return current(patient).orElseThrow();
    }

    @PreAuthorize(PRESCRIBER)
    public Trial addTrial(PatientId patient, TrialForm f) {
        writable(patient);
        var drug = f.drug() == null ? "" : f.drug().strip();
        if (drug.isEmpty() || drug.length() > 80) {
            throw new IllegalArgumentException("drug: name the medication (generic name, at most 80 characters).");
        }
        if (f.maxDailyMg() == null || f.maxDailyMg().signum() <= 0 || f.maxDailyMg().compareTo(new BigDecimal("5000")) > 0) {
            throw new IllegalArgumentException("maxDailyMg: give the highest daily dose in mg, above 0.");
        }
        if (f.maxDailyMg().scale() > 2) {
            throw new IllegalArgumentException("maxDailyMg: use at most two decimals.");
        }
        if (f.weeksAtDose() == null || f.weeksAtDose() < 0 || f.weeksAtDose() > 520) {
            throw new IllegalArgumentException("weeksAtDose: give the weeks at that dose (0 to 520).");
        }
        if (f.adherence() == null) {
            throw new IllegalArgumentException("adherence: choose how regularly it was taken.");
        }
        if (f.outcome() == null) {
            throw new IllegalArgumentException("outcome: choose what came of the trial.");
        }
        var note = f.note() == null ? "" : f.note().strip();
        if (note.length() > 1000) {
            throw new IllegalArgumentException("note: use at most 1000 characters.");
        }
        var now = now();
        var t = new Trial(UUID.randomUUID(), drug, f.maxDailyMg(), f.weeksAtDose(), f.adherence(), f.outcome(),
                f.augmentation(), f.currentEpisode(), note, now, currentUser.name(), null, null);
        jdbc.sql("""
                INSERT INTO antidepressant_trial (id, patient_id, drug, max_daily_mg, weeks_at_dose, adherence, outcome,
                    augmentation, current_episode, note, entered_at, entered_by)
                VALUES (:id, :p, :d, :mg, :w, :a, :o, :aug, :cur, :note, :at, :by)""")
                .param("id", t.id()).param("p", patient.value()).param("d", drug).param("mg", f.maxDailyMg())
                .param("w", f.weeksAtDose()).param("a", f.adherence().name()).param("o", f.outcome().name())
                .param("aug", f.augmentation()).param("cur", f.currentEpisode()).param("note", note)
                .param("at", utc(now)).param("by", currentUser.name()).update();
        audit.record(new AuditRecord("TRIAL_ADDED", AuditRecord.Outcome.SUCCESS, patient.value(), "AntidepressantTrial",
                t.id().toString(), drug));
        return t;
    }

    @PreAuthorize(PRESCRIBER)
    public void voidTrial(PatientId patient, UUID trial, String reason) {
        writable(patient);
        var r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 500) {
            throw new IllegalArgumentException("reason: say why this row is wrong (at most 500 characters).");
        }
        int n = jdbc.sql("UPDATE antidepressant_trial SET voided_at = :at, voided_by = :by, void_reason = :r"
                        + " WHERE id = :id AND patient_id = :p AND voided_at IS NULL")
                .param("at", utc(now())).param("by", currentUser.name()).param("r", r).param("id", trial)
                .param("p", patient.value()).update();
        if (n == 0) {
            throw new IllegalArgumentException("reason: that trial is not in the table.");
        }
        audit.record(new AuditRecord("TRIAL_VOIDED", AuditRecord.Outcome.SUCCESS, patient.value(), "AntidepressantTrial",
                trial.toString(), r));
    }

    /**
     * Saves the screening: every item answered present or absent; a present relative item needs a sign-off reason.
     * Unanswered items are named in the refusal, and nothing is stored until all are answered.
     */
    @PreAuthorize(PRESCRIBER)
    public void screen(PatientId patient, Map<ScreeningItem, Boolean> present, Map<ScreeningItem, String> reasons) {
        writable(patient);
        var e = openEvaluation(patient);
        var items = ScreeningItem.forModality(e.modality());
        var unanswered = items.stream().filter(i -> !present.containsKey(i)).toList();
        if (!unanswered.isEmpty()) {
            throw new IllegalArgumentException(unanswered.get(0).code() + ": answer every item; "
                    + unanswered.size() + (unanswered.size() == 1 ? " is" : " are") + " still open.");
        }
        for (var item : items) {
            var reason = reasons.getOrDefault(item, "").strip();
            if (reason.length() > 1000) {
                throw new IllegalArgumentException(item.code() + ": use at most 1000 characters.");
            }
            if (present.get(item) && !item.absolute() && reason.isEmpty()) {
                throw new IllegalArgumentException(item.code()
                        + ": a relative contraindication needs your sign-off: say why treatment can still go ahead.");
            }
        }
        var now = utc(now());
        for (var item : items) {
            var reason = reasons.getOrDefault(item, "").strip();
            int n = jdbc.sql("""
                    UPDATE contraindication_answer SET present = :pr, signoff_reason = :r, answered_at = :at,
                        answered_by = :by WHERE evaluation_id = :e AND item = :i""")
                    .param("pr", present.get(item)).param("r", present.get(item) ? reason : null).param("at", now)
                    .param("by", currentUser.name()).param("e", e.id()).param("i", item.name()).update();
            if (n == 0) {
                jdbc.sql("""
                        INSERT INTO contraindication_answer (evaluation_id, item, present, signoff_reason, answered_at,
                            answered_by) VALUES (:e, :i, :pr, :r, :at, :by)""")
                        .param("pr", present.get(item)).param("r", present.get(item) ? reason : null).param("at", now)
                        .param("by", currentUser.name()).param("e", e.id()).param("i", item.name()).update();
            }
        }
        var found = items.stream().filter(present::get).map(ScreeningItem::code).collect(Collectors.joining(","));
        audit.record(new AuditRecord("SCREENING_SAVED", AuditRecord.Outcome.SUCCESS, patient.value(), "Evaluation",
                e.id().toString(), found.isEmpty() ? "none present" : "present: " + found));
    }

    /** Signs the decision; refused while something blocks an eligible one (the refusal says what). */
    @PreAuthorize(PRESCRIBER)
    public Decision sign(PatientId patient, Decision.Outcome outcome, String reasons, @Nullable String conditions) {
        writable(patient);
        var e = openEvaluation(patient);
        var summary = summarise(e);
        var d = decide(summary, outcome, reasons, conditions, null, null);
        jdbc.sql("UPDATE evaluation SET status = 'DECIDED', updated_at = :at, updated_by = :by, version = version + 1"
                        + " WHERE id = :id")
                .param("at", utc(d.signedAt())).param("by", d.signedBy()).param("id", e.id()).update();
        return d;
    }

    /** Amends the latest signed decision: a new signed decision that names it and says why. */
    @PreAuthorize(PRESCRIBER)
    public Decision amend(PatientId patient, UUID decisionId, Decision.Outcome outcome, String reasons,
            @Nullable String conditions, String amendmentReason) {
        writable(patient);
        var latest = jdbc.sql("SELECT * FROM eligibility_decision WHERE patient_id = :p ORDER BY signed_at DESC LIMIT 1")
                .param("p", patient.value()).query(Evaluations::decision).optional()
                .orElseThrow(() -> new IllegalArgumentException("amendmentReason: there is no signed decision to amend."));
        if (!latest.id().equals(decisionId)) {
            throw new IllegalArgumentException("amendmentReason: amend the latest decision; this one was already amended.");
        }
        var why = amendmentReason == null ? "" : amendmentReason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw new IllegalArgumentException("amendmentReason: say why the decision changes (at most 1000 characters).");
        }
        if (!latest.outcome().eligible() && outcome.eligible()) {
            throw new IllegalArgumentException("outcome: a not-eligible decision becomes eligible only after a new"
                    + " evaluation (start one: the screening and reconciliation are checked again).");
        }
        var e = jdbc.sql("SELECT * FROM evaluation WHERE id = :id").param("id", latest.evaluationId())
                .query(Evaluations::evaluation).single();
        return decide(summarise(e), outcome, reasons, conditions, latest.id(), why);
    }

    private Decision decide(EvaluationSummary s, Decision.Outcome outcome, String reasons, @Nullable String conditions,
            @Nullable UUID amends, @Nullable String amendmentReason) {
        var r = reasons == null ? "" : reasons.strip();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("reasons: give the reasons for the decision.");
        }
        if (r.length() > 4000) {
            throw new IllegalArgumentException("reasons: use at most 4000 characters.");
        }
        var c = conditions == null ? "" : conditions.strip();
        if (outcome == Decision.Outcome.ELIGIBLE_WITH_CONDITIONS && c.isEmpty()) {
            throw new IllegalArgumentException("conditions: name the conditions.");
        }
        if (outcome != Decision.Outcome.ELIGIBLE_WITH_CONDITIONS && !c.isEmpty()) {
            throw new IllegalArgumentException("conditions: conditions belong to \"eligible with conditions\" only.");
        }
        if (c.length() > 4000) {
            throw new IllegalArgumentException("conditions: use at most 4000 characters.");
        }
        if (outcome.eligible() && !s.blockers().isEmpty()) {
            throw new IllegalArgumentException("outcome: not yet: " + String.join(" ", s.blockers()));
        }
        var e = s.evaluation();
        var screening = s.items().stream().filter(i -> s.answers().containsKey(i) && s.answers().get(i).present())
                .map(i -> (i.absolute() ? "ABSOLUTE " : "relative ") + i.label()
                        + (s.answers().get(i).signoffReason() == null ? "" : " (signed off: "
                        + s.answers().get(i).signoffReason() + ")"))
                .collect(Collectors.joining("; "));
        var d = new Decision(UUID.randomUUID(), e.id(), e.modality(), outcome, r, c, s.trd().met(), s.trd().summary(),
                s.stage().total(), clip(screening.isEmpty() ? "No contraindication or caution present." : screening),
                amends, amendmentReason, now(), currentUser.name());
        jdbc.sql("""
                INSERT INTO eligibility_decision (id, evaluation_id, patient_id, modality, outcome, reasons, conditions,
                    trd_met, trd_summary, maudsley_total, screening_summary, amends, amendment_reason, signed_at, signed_by)
                VALUES (:id, :e, :p, :m, :o, :r, :c, :trd, :trds, :ms, :ss, :am, :ar, :at, :by)""")
                .param("id", d.id()).param("e", e.id()).param("p", e.patientId().value()).param("m", e.modality().name())
                .param("o", outcome.name()).param("r", r).param("c", c).param("trd", d.trdMet())
                .param("trds", d.trdSummary()).param("ms", d.maudsleyTotal()).param("ss", d.screeningSummary())
                .param("am", amends).param("ar", amendmentReason).param("at", utc(d.signedAt()))
                .param("by", d.signedBy()).update();
        audit.record(new AuditRecord(amends == null ? "ELIGIBILITY_SIGNED" : "ELIGIBILITY_AMENDED",
                AuditRecord.Outcome.SUCCESS, e.patientId().value(), "EligibilityDecision", d.id().toString(),
                outcome.name() + " " + e.modality().name()));
        events.publishEvent(new EligibilityDecided(e.patientId(), d.id(), e.modality(), outcome, amends != null));
        return d;
    }

    private static String clip(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }

    EvaluationSummary summarise(Evaluation e) {
        var patient = e.patientId();
        var trials = jdbc.sql("SELECT * FROM antidepressant_trial WHERE patient_id = :p ORDER BY entered_at")
                .param("p", patient.value()).query(Evaluations::trial).list();
        var trd = TrdDetermination.determine(trials, floors.byDrug(), settings);
        var live = trials.stream().filter(t -> !t.voided()).toList();
        boolean augmentation = live.stream().anyMatch(t -> t.augmentation() && t.currentEpisode());
        var asOf = e.open() ? LocalDate.now(clock.withZone(zone)) : e.updatedAt().atZone(zone).toLocalDate();
        var stage = MaudsleyStaging.stage(e.episodeStart(), asOf, e.severity(), trd.counted(), augmentation,
                e.ect() == TreatmentHistory.CURRENT_EPISODE);
        var baseline = new ArrayList<EvaluationSummary.Baseline>();
        Severity suggested = null;
        var history = assessments.history(patient, null);
        for (var instrument : List.of("madrs", "phq9")) {
            var latest = history.stream().filter(a -> a.instrument().equals(instrument) && a.total() != null)
                    .max(Comparator.comparing(a -> a.administeredAt()));
            if (latest.isPresent()) {
                var a = latest.get();
                baseline.add(new EvaluationSummary.Baseline(instrument, a.total(), a.severity(), a.administeredAt()));
                if (suggested == null) {
                    suggested = Severity.suggestedBy(instrument, a.severity());
                }
            }
        }
        var answers = new EnumMap<ScreeningItem, ScreeningAnswer>(ScreeningItem.class);
        jdbc.sql("SELECT * FROM contraindication_answer WHERE evaluation_id = :e").param("e", e.id())
                .query((rs, n) -> new ScreeningAnswer(ScreeningItem.valueOf(rs.getString("item")), rs.getBoolean("present"),
                        rs.getString("signoff_reason"), rs.getObject("answered_at", OffsetDateTime.class).toInstant(),
                        rs.getString("answered_by")))
                .list().forEach(a -> answers.put(a.item(), a));
        var lists = medications.read(patient);
        boolean reconciled = medications.reconciledSince(patient, e.startedAt());
        var missing = consents.missing(patient, e.modality());
        var decisions = jdbc.sql("SELECT * FROM eligibility_decision WHERE evaluation_id = :e ORDER BY signed_at DESC")
                .param("e", e.id()).query(Evaluations::decision).list();
        var blockers = new ArrayList<String>();
        if (e.open()) {
            var items = ScreeningItem.forModality(e.modality());
            long open = items.stream().filter(i -> !answers.containsKey(i)).count();
            if (open > 0) {
                blockers.add("Complete the contraindication screening.");
            }
            if (answers.values().stream().anyMatch(a -> a.present() && a.item().absolute())) {
                blockers.add("An absolute contraindication is present.");
            }
            for (var item : items) {
                var a = answers.get(item);
                if (a != null && !a.present() && item.fromMedications() != null
                        && lists.activeClasses().contains(item.fromMedications())) {
                    blockers.add(item.label() + " is on the medication list but screened absent: screen again.");
                }
            }
            if (!reconciled) {
                blockers.add("Reconcile the medications and allergies for this evaluation.");
            }
            if (e.episodeStart() == null || e.severity() == null) {
                blockers.add("Record the episode's start and the baseline severity.");
            }
            if (e.modality() == Modality.ESKETAMINE && e.remsEnrolledOn() == null) {
                blockers.add("Record the patient's Spravato REMS enrolment date.");
            }
        }
        return new EvaluationSummary(e, trials, trd, stage, baseline, suggested, answers, lists.activeClasses(), missing,
                reconciled, blockers, decisions);
    }

    private Optional<Evaluation> current(PatientId patient) {
        return jdbc.sql("SELECT * FROM evaluation WHERE patient_id = :p ORDER BY started_at DESC LIMIT 1")
                .param("p", patient.value()).query(Evaluations::evaluation).optional();
    }

    private Evaluation openEvaluation(PatientId patient) {
        return current(patient).filter(Evaluation::open).orElseThrow(() -> new IllegalArgumentException(
                "modality: there is no open evaluation; start one first."));
    }

    private void writable(PatientId patient) {
        if (patients.forCare(patient).voided()) {
            throw new IllegalStateException("This record is voided.");
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Evaluation evaluation(ResultSet rs, int n) throws SQLException {
        var severity = rs.getString("severity");
        return new Evaluation(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                Modality.valueOf(rs.getString("modality")), rs.getObject("episode_start", LocalDate.class),
                TreatmentHistory.valueOf(rs.getString("ect")), TreatmentHistory.valueOf(rs.getString("tms")),
                severity == null ? null : Severity.valueOf(severity), rs.getObject("rems_enrolled_on", LocalDate.class),
                rs.getString("notes"), Evaluation.Status.valueOf(rs.getString("status")),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(), rs.getString("started_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"),
                rs.getLong("version"));
    }

    static Trial trial(ResultSet rs, int n) throws SQLException {
        var voided = rs.getObject("voided_at", OffsetDateTime.class);
        return new Trial(rs.getObject("id", UUID.class), rs.getString("drug"), rs.getBigDecimal("max_daily_mg"),
                rs.getInt("weeks_at_dose"), Adherence.valueOf(rs.getString("adherence")),
                TrialOutcome.valueOf(rs.getString("outcome")), rs.getBoolean("augmentation"),
                rs.getBoolean("current_episode"), rs.getString("note"),
                rs.getObject("entered_at", OffsetDateTime.class).toInstant(), rs.getString("entered_by"),
                voided == null ? null : voided.toInstant(), rs.getString("void_reason"));
    }

    static Decision decision(ResultSet rs, int n) throws SQLException {
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("evaluation_id", UUID.class),
                Modality.valueOf(rs.getString("modality")), Decision.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("reasons"), rs.getString("conditions"), rs.getBoolean("trd_met"),
                rs.getString("trd_summary"), rs.getInt("maudsley_total"), rs.getString("screening_summary"),
                rs.getObject("amends", UUID.class), rs.getString("amendment_reason"),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("signed_by"));
    }

    /** Now, to the microsecond: what both databases store, so a returned record equals the stored one. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
