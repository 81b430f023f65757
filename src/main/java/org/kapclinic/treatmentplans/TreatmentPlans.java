// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.eligibility.Consents;
import org.kapclinic.eligibility.Decision;
import org.kapclinic.eligibility.Evaluations;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Treatment plans. A prescriber applies a template to an eligible patient from a start date and gets a draft with its
 * generated schedule; approving it needs a current eligible decision for the modality and every consent the modality
 * needs. After approval, moving, cancelling or adding a session is a new revision with a reason, and the old item
 * stays (moved or cancelled). Ending the plan records what follows.
 */
@Service
@Transactional
public class TreatmentPlans {

    static final String CLINICIANS = "hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')";
    static final String PRESCRIBER = "hasRole('PRESCRIBER')";

    /** What the "new plan" form holds. */
    public record NewPlan(String templateCode, @Nullable LocalDate start, @Nullable LocalTime doseTime,
            @Nullable LocalTime therapyTime, @Nullable Integer everyDays) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ProtocolTemplates templates;
    private final Patients patients;
    private final Evaluations evaluations;
    private final Consents consents;
    private final ClinicCalendar calendar;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TreatmentPlans(JdbcClient jdbc, JsonMapper json, ProtocolTemplates templates, Patients patients,
            Evaluations evaluations, Consents consents, ClinicCalendar calendar, CurrentUser currentUser,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.templates = templates;
        this.patients = patients;
        this.evaluations = evaluations;
        this.consents = consents;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Every plan of the patient, newest first, with items and revisions. The read is audited. */
    @PreAuthorize(CLINICIANS)
    @Transactional // not read-only: the read is audited
    public List<TreatmentPlan> plans(PatientId patient) {
        patients.forCare(patient);
        audit.record(AuditRecord.patient("TREATMENT_PLANS_VIEWED", patient.value()));
        return jdbc.sql("SELECT * FROM treatment_plan WHERE patient_id = :p AND status <> 'DISCARDED'"
                        + " ORDER BY created_at DESC").param("p", patient.value()).query(this::plan).list();
    }

    /** What still stands between a draft and its approval (empty when it can be approved). */
    @PreAuthorize(CLINICIANS)
    public List<String> approvalBlockers(PatientId patient, Modality modality) {
        var blockers = new java.util.ArrayList<String>();
        var decision = evaluations.latestDecision(patient);
        if (decision.isEmpty() || !decision.get().outcome().eligible()) {
            blockers.add("There is no signed eligible decision: complete the evaluation first.");
        } else if (!compatible(decision.get().modality(), modality)) {
            blockers.add("The eligibility decision is for " + decision.get().modality().label() + ", not "
                    + modality.label() + ".");
        }
        var missing = consents.missing(patient, modality);
        if (!missing.isEmpty()) {
            blockers.add("Consents still to sign: " + String.join(", ", missing.stream()
                    .map(k -> k.label()).toList()) + ".");
        }
        return blockers;
    }

    /** A new draft from a template; an earlier draft is discarded, an approved plan must be ended first. */
    @PreAuthorize(PRESCRIBER)
    public TreatmentPlan create(PatientId patient, NewPlan form) {
        if (patients.forCare(patient).voided()) {
            throw new IllegalStateException("This record is voided.");
        }
        var template = templates.find(form.templateCode() == null ? "" : form.templateCode())
                .filter(t -> t.active())
                .orElseThrow(() -> new IllegalArgumentException("templateCode: choose a protocol."));
        if (form.start() == null) {
            throw new IllegalArgumentException("start: give the date of the first dosing session.");
        }
        var today = LocalDate.now(clock.withZone(calendar.zone()));
        if (form.start().isBefore(today)) {
            throw new IllegalArgumentException("start: the first dosing session cannot be in the past.");
        }
        if (form.start().isAfter(today.plusYears(1))) {
            throw new IllegalArgumentException("start: start within a year.");
        }
        var business = calendar.current();
        if (!business.isBusinessDay(form.start())) {
            throw new IllegalArgumentException("start: the clinic is closed on " + form.start() + "; choose an open day.");
        }
        var doseTime = form.doseTime() == null ? LocalTime.of(9, 0) : form.doseTime();
        var therapyTime = form.therapyTime() == null ? LocalTime.of(13, 0) : form.therapyTime();
        var adjustable = template.definition().adjustablePhase();
        if (form.everyDays() != null && (adjustable == null || form.everyDays() < 1 || form.everyDays() > 365)) {
            throw new IllegalArgumentException(adjustable == null ? "everyDays: this protocol has no adjustable interval."
                    : "everyDays: give an interval of 1 to 365 days.");
        }
        var existing = jdbc.sql("SELECT id, status FROM treatment_plan WHERE patient_id = :p AND status IN"
                        + " ('DRAFT', 'APPROVED')").param("p", patient.value())
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).list();
        for (var row : existing) {
            if ("APPROVED".equals(row[1])) {
                throw new IllegalArgumentException("templateCode: an approved plan is running; end it first.");
            }
            jdbc.sql("UPDATE treatment_plan SET status = 'DISCARDED', version = version + 1 WHERE id = :id")
                    .param("id", row[0]).update();
        }
        var items = ScheduleGenerator.generate(template.definition(), new ScheduleGenerator.Request(form.start(),
                doseTime, therapyTime, calendar.zone(), business::isBusinessDay, form.everyDays()));
        var id = UUID.randomUUID();
        var now = now();
        jdbc.sql("""
                INSERT INTO treatment_plan (id, patient_id, template_code, template_version, template_name, modality,
                    definition, start_date, dose_time, therapy_time, every_days, status, created_at, created_by, version)
                VALUES (:id, :p, :code, :tv, :name, :m, :def, :start, :dt, :tt, :every, 'DRAFT', :at, :by, 0)""")
                .param("id", id).param("p", patient.value()).param("code", template.code())
                .param("tv", template.version()).param("name", template.name())
                .param("m", template.modality().name()).param("def", json.writeValueAsString(template.definition()))
                .param("start", form.start()).param("dt", doseTime).param("tt", therapyTime)
                .param("every", form.everyDays()).param("at", utc(now)).param("by", currentUser.name()).update();
        int seq = 0;
        for (var item : items) {
            insertItem(id, ++seq, item.kind(), item.label(), item.at().toInstant(), item.doseNumber(), item.phase(),
                    item.instruments(), item.dose(), null);
        }
        revision(id, 1, "Created from " + template.name() + " (version " + template.version() + "), first dose "
                + form.start() + ": " + items.stream().filter(i -> i.kind() == PlannedItem.Kind.DOSING).count()
                + " dosing sessions.", "New plan");
        audit.record(new AuditRecord("TREATMENT_PLAN_CREATED", AuditRecord.Outcome.SUCCESS, patient.value(),
                "TreatmentPlan", id.toString(), template.code()));
        return load(id);
    }

    @PreAuthorize(PRESCRIBER)
    public TreatmentPlan approve(PatientId patient, UUID planId) {
        var plan = owned(patient, planId);
        if (plan.status() != TreatmentPlan.Status.DRAFT) {
            throw new IllegalStateException("Only a draft can be approved; this plan is " + plan.status() + ".");
        }
        var blockers = approvalBlockers(patient, plan.modality());
        if (!blockers.isEmpty()) {
            throw new IllegalArgumentException("approve: not yet: " + String.join(" ", blockers));
        }
        var decision = evaluations.latestDecision(patient).map(Decision::id).orElseThrow();
        var now = now();
        int n = jdbc.sql("UPDATE treatment_plan SET status = 'APPROVED', approved_at = :at, approved_by = :by,"
                        + " decision_id = :d, version = version + 1 WHERE id = :id AND status = 'DRAFT'")
                .param("at", utc(now)).param("by", currentUser.name()).param("d", decision).param("id", planId).update();
        if (n == 0) {
            throw new IllegalStateException("The plan changed while you were looking at it. Reload.");
        }
        revision(planId, nextRevision(planId), "Approved.", "Approval");
        audit.record(new AuditRecord("TREATMENT_PLAN_APPROVED", AuditRecord.Outcome.SUCCESS, patient.value(),
                "TreatmentPlan", planId.toString(), plan.templateCode()));
        events.publishEvent(new PlanApproved(patient, planId));
        return load(planId);
    }

    /** Moves an appointment of an approved plan to another day and time; the old entry stays, marked moved. */
    @PreAuthorize(PRESCRIBER)
    public TreatmentPlan move(PatientId patient, UUID planId, UUID itemId, @Nullable LocalDate date,
            @Nullable LocalTime time, String reason) {
        var plan = approved(patient, planId);
        var item = liveItem(plan, itemId);
        var why = reason(reason);
        if (date == null || time == null) {
            throw new IllegalArgumentException("date: give the new date and time.");
        }
        if (!calendar.current().isBusinessDay(date)) {
            throw new IllegalArgumentException("date: the clinic is closed on " + date + ".");
        }
        var at = ZonedDateTime.of(date, time, calendar.zone()).toInstant();
        if (at.isBefore(clock.instant())) {
            throw new IllegalArgumentException("date: the new time is in the past.");
        }
        int rev = nextRevision(planId);
        jdbc.sql("UPDATE treatment_plan_item SET status = 'MOVED', changed_in = :r WHERE id = :id")
                .param("r", rev).param("id", itemId).update();
        var newItem = insertItem(planId, nextSeq(planId), item.kind(), item.label(), at, item.doseNumber(), item.phase(),
                item.instruments(), item.dose(), rev);
        events.publishEvent(new PlanChanged(patient, planId, PlanChanged.Change.MOVED, itemId, newItem, at, why));
        revision(planId, rev, item.label() + " moved from " + local(item.at()) + " to " + date + " " + time + ".", why);
        audit.record(new AuditRecord("TREATMENT_PLAN_CHANGED", AuditRecord.Outcome.SUCCESS, patient.value(),
                "TreatmentPlan", planId.toString(), "moved " + item.label()));
        return load(planId);
    }

    @PreAuthorize(PRESCRIBER)
    public TreatmentPlan cancel(PatientId patient, UUID planId, UUID itemId, String reason) {
        var plan = approved(patient, planId);
        var item = liveItem(plan, itemId);
        var why = reason(reason);
        int rev = nextRevision(planId);
        jdbc.sql("UPDATE treatment_plan_item SET status = 'CANCELLED', changed_in = :r WHERE id = :id")
                .param("r", rev).param("id", itemId).update();
        events.publishEvent(new PlanChanged(patient, planId, PlanChanged.Change.CANCELLED, itemId, null, null, why));
        revision(planId, rev, item.label() + " on " + local(item.at()) + " cancelled.", why);
        audit.record(new AuditRecord("TREATMENT_PLAN_CHANGED", AuditRecord.Outcome.SUCCESS, patient.value(),
                "TreatmentPlan", planId.toString(), "cancelled " + item.label()));
        return load(planId);
    }

    /** Adds a dosing session to an approved plan (numbered after the last one). */
    @PreAuthorize(PRESCRIBER)
    public TreatmentPlan addDose(PatientId patient, UUID planId, @Nullable LocalDate date, @Nullable LocalTime time,
            String reason) {
        var plan = approved(patient, planId);
        var why = reason(reason);
        if (date == null) {
            throw new IllegalArgumentException("date: give the date of the added session.");
        }
        if (!calendar.current().isBusinessDay(date)) {
            throw new IllegalArgumentException("date: the clinic is closed on " + date + ".");
        }
        var at = ZonedDateTime.of(date, time == null ? plan.doseTime() : time, calendar.zone()).toInstant();
        if (at.isBefore(clock.instant())) {
            throw new IllegalArgumentException("date: the new time is in the past.");
        }
        int number = plan.items().stream().filter(i -> i.kind() == PlannedItem.Kind.DOSING && i.doseNumber() != null)
                .mapToInt(TreatmentPlan.Item::doseNumber).max().orElse(0) + 1;
        var last = plan.liveItems().stream().filter(i -> i.kind() == PlannedItem.Kind.DOSING).reduce((a, b) -> b);
        int rev = nextRevision(planId);
        var added = insertItem(planId, nextSeq(planId), PlannedItem.Kind.DOSING, "Dose " + number, at, number,
                last.map(TreatmentPlan.Item::phase).orElse("Added"), List.of(), last.map(TreatmentPlan.Item::dose)
                        .orElse(null), rev);
        events.publishEvent(new PlanChanged(patient, planId, PlanChanged.Change.ADDED, null, added, at, why));
        revision(planId, rev, "Dose " + number + " added on " + date + ".", why);
        audit.record(new AuditRecord("TREATMENT_PLAN_CHANGED", AuditRecord.Outcome.SUCCESS, patient.value(),
                "TreatmentPlan", planId.toString(), "added dose " + number));
        return load(planId);
    }

    /** Ends an approved plan with what follows it (maintenance, transition, a repeat, or stopping). */
    @PreAuthorize(PRESCRIBER)
    public TreatmentPlan end(PatientId patient, UUID planId, TreatmentPlan.@Nullable EndDecision decision,
            @Nullable String note) {
        var plan = approved(patient, planId);
        if (decision == null) {
            throw new IllegalArgumentException("endDecision: choose what follows this plan.");
        }
        var n = note == null ? "" : note.strip();
        if (n.isEmpty() || n.length() > 2000) {
            throw new IllegalArgumentException("endNote: say why (at most 2000 characters).");
        }
        int updated = jdbc.sql("UPDATE treatment_plan SET status = 'ENDED', end_decision = :d, end_note = :n,"
                        + " ended_at = :at, ended_by = :by, version = version + 1 WHERE id = :id AND status = 'APPROVED'")
                .param("d", decision.name()).param("n", n).param("at", utc(now())).param("by", currentUser.name())
                .param("id", planId).update();
        if (updated == 0) {
            throw new IllegalStateException("The plan changed while you were looking at it. Reload.");
        }
        revision(planId, nextRevision(planId), "Ended: " + decision.label() + ".", n);
        events.publishEvent(new PlanChanged(patient, planId, PlanChanged.Change.ENDED, null, null, null,
                "Plan ended: " + decision.label()));
        audit.record(new AuditRecord("TREATMENT_PLAN_ENDED", AuditRecord.Outcome.SUCCESS, patient.value(),
                "TreatmentPlan", planId.toString(), decision.name()));
        return load(plan.id());
    }

    /** The current approved plan's live items, for the scheduling module (no audit: it is the caller's read). */
    public Optional<TreatmentPlan> approvedPlan(UUID planId) {
        return jdbc.sql("SELECT * FROM treatment_plan WHERE id = :id AND status = 'APPROVED'").param("id", planId)
                .query(this::plan).optional();
    }

    /**
     * The integration window the patient's approved plan sets ({@code integrationWithinHours} of its protocol, as
     * copied into the plan), if it sets one; for the therapy-notes module's integration-due items. No access check
     * and no audit: it is a rule lookup made when a dosing session ends, not a read of the chart.
     */
    @Transactional(readOnly = true)
    public Optional<Integer> integrationWithinHours(PatientId patient) {
        return jdbc.sql("SELECT definition FROM treatment_plan WHERE patient_id = :p AND status = 'APPROVED'"
                        + " ORDER BY approved_at DESC FETCH FIRST 1 ROWS ONLY")
                .param("p", patient.value()).query(String.class).optional()
                .map(definition -> json.readValue(definition, ProtocolDefinition.class).integrationWithinHours());
    }

    private static boolean compatible(Modality decided, Modality planned) {
        return decided == planned || (decided.psychotherapy() && planned.psychotherapy());
    }

    private TreatmentPlan owned(PatientId patient, UUID planId) {
        patients.forCare(patient);
        return jdbc.sql("SELECT * FROM treatment_plan WHERE id = :id AND patient_id = :p").param("id", planId)
                .param("p", patient.value()).query(this::plan).optional()
                .orElseThrow(() -> new IllegalArgumentException("plan: no such plan for this patient."));
    }

    private TreatmentPlan approved(PatientId patient, UUID planId) {
        var plan = owned(patient, planId);
        if (plan.status() != TreatmentPlan.Status.APPROVED) {
            throw new IllegalStateException("Only an approved plan is changed this way; this one is " + plan.status()
                    + ".");
        }
        return plan;
    }

    private static TreatmentPlan.Item liveItem(TreatmentPlan plan, UUID itemId) {
        return plan.items().stream().filter(i -> i.id().equals(itemId) && i.live()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("reason: that entry was already moved or cancelled."));
    }

    private static String reason(@Nullable String reason) {
        var r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 1000) {
            throw new IllegalArgumentException("reason: say why (at most 1000 characters).");
        }
        return r;
    }

    private String local(Instant at) {
        return at.atZone(calendar.zone()).toLocalDateTime().toString().replace('T', ' ');
    }

    private UUID insertItem(UUID plan, int seq, PlannedItem.Kind kind, String label, Instant at,
            @Nullable Integer doseNumber, String phase, List<String> instruments, @Nullable String dose,
            @Nullable Integer changedIn) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO treatment_plan_item (id, plan_id, seq, kind, label, at, dose_number, phase, instruments,
                    dose, status, changed_in) VALUES (:id, :plan, :seq, :k, :l, :at, :dn, :ph, :ins, :dose, 'PLANNED', :ci)""")
                .param("id", id).param("plan", plan).param("seq", seq).param("k", kind.name())
                .param("l", label).param("at", utc(at)).param("dn", doseNumber).param("ph", phase)
                .param("ins", String.join(",", instruments)).param("dose", dose).param("ci", changedIn).update();
        return id;
    }

    private void revision(UUID plan, int revision, String summary, String reason) {
        jdbc.sql("""
                INSERT INTO treatment_plan_revision (plan_id, revision, summary, reason, changed_by, changed_at)
                VALUES (:p, :r, :s, :why, :by, :at)""")
                .param("p", plan).param("r", revision).param("s", summary.length() > 1000 ? summary.substring(0, 1000)
                        : summary).param("why", reason).param("by", currentUser.name()).param("at", utc(now())).update();
    }

    private int nextRevision(UUID plan) {
        return jdbc.sql("SELECT COALESCE(MAX(revision), 0) + 1 FROM treatment_plan_revision WHERE plan_id = :p")
                .param("p", plan).query(Integer.class).single();
    }

    private int nextSeq(UUID plan) {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM treatment_plan_item WHERE plan_id = :p")
                .param("p", plan).query(Integer.class).single();
    }

    private TreatmentPlan load(UUID id) {
        return jdbc.sql("SELECT * FROM treatment_plan WHERE id = :id").param("id", id).query(this::plan).single();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    private TreatmentPlan plan(ResultSet rs, int n) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var items = jdbc.sql("SELECT * FROM treatment_plan_item WHERE plan_id = :p ORDER BY at, seq").param("p", id)
                .query((r, i) -> new TreatmentPlan.Item(r.getObject("id", UUID.class), r.getInt("seq"),
                        PlannedItem.Kind.valueOf(r.getString("kind")), r.getString("label"), instant(r, "at"),
                        (Integer) r.getObject("dose_number"), r.getString("phase"),
                        r.getString("instruments").isEmpty() ? List.of() : Arrays.asList(r.getString("instruments").split(",")),
                        r.getString("dose"), TreatmentPlan.ItemStatus.valueOf(r.getString("status")),
                        (Integer) r.getObject("changed_in")))
                .list();
        var revisions = jdbc.sql("SELECT * FROM treatment_plan_revision WHERE plan_id = :p ORDER BY revision DESC")
                .param("p", id).query((r, i) -> new TreatmentPlan.Revision(r.getInt("revision"), r.getString("summary"),
                        r.getString("reason"), r.getString("changed_by"), instant(r, "changed_at"))).list();
        var end = rs.getString("end_decision");
        return new TreatmentPlan(id, new PatientId(rs.getObject("patient_id", UUID.class)), rs.getString("template_code"),
                rs.getInt("template_version"), rs.getString("template_name"), Modality.valueOf(rs.getString("modality")),
                json.readValue(rs.getString("definition"), ProtocolDefinition.class),
                rs.getObject("start_date", LocalDate.class), rs.getObject("dose_time", LocalTime.class),
                rs.getObject("therapy_time", LocalTime.class), (Integer) rs.getObject("every_days"),
                TreatmentPlan.Status.valueOf(rs.getString("status")), rs.getObject("decision_id", UUID.class),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "approved_at"),
                rs.getString("approved_by"), end == null ? null : TreatmentPlan.EndDecision.valueOf(end),
                rs.getString("end_note"), instant(rs, "ended_at"), rs.getString("ended_by"), rs.getLong("version"),
                items, revisions);
    }
}
