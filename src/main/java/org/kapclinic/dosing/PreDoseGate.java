// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.dosing.rems.RemsSettings;
import org.kapclinic.eligibility.Consents;
import org.kapclinic.eligibility.DrugClass;
import org.kapclinic.eligibility.Evaluations;
import org.kapclinic.eligibility.Medications;
import org.kapclinic.eligibility.Reconciliation;
import org.kapclinic.patients.PatientView;
import org.kapclinic.patients.SexAssignedAtBirth;
import org.kapclinic.safety.DosingClearance;
import org.kapclinic.scheduling.Appointments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pre-dose gate: a checklist that blocks the dose until every applicable item is done, and the pre-dose BP/HR
 * rule (a raised reading needs a prescriber's acknowledgment; a hold needs a prescriber's override with a reason).
 * Every attestation, acknowledgment and override is kept and audited.
 */
@Service
@Transactional
public class PreDoseGate {

    /** Co-medications the REMS form and the label name: CNS depressants raise sedation, stimulants and MAOIs BP. */
    static final EnumSet<DrugClass> WATCHED = EnumSet.of(DrugClass.BENZODIAZEPINE,
            DrugClass.NON_BENZODIAZEPINE_HYPNOTIC, DrugClass.PSYCHOSTIMULANT, DrugClass.MAOI, DrugClass.OPIOID);

    private final SessionAccess access;
    private final DosingRepository repository;
    private final Consents consents;
    private final Evaluations evaluations;
    private final Medications medications;
    private final Assessments assessments;
    private final DosingClearance clearance;
    private final Appointments appointments;
    private final VitalsRules rules;
    private final DosingSettings settings;
    private final ApplicationEventPublisher events;
    private final RemsSettings remsSettings;

    PreDoseGate(RemsSettings remsSettings, SessionAccess access, Consents consents, Evaluations evaluations, Medications medications,
            Assessments assessments, DosingClearance clearance, Appointments appointments, DosingSettings settings,
            ApplicationEventPublisher events) {
        this.remsSettings = remsSettings;
        this.access = access;
        this.repository = access.repository;
        this.consents = consents;
        this.evaluations = evaluations;
        this.medications = medications;
        this.assessments = assessments;
        this.clearance = clearance;
        this.appointments = appointments;
        this.rules = new VitalsRules(settings);
        this.settings = settings;
        this.events = events;
    }

    @PreAuthorize(SessionAccess.CLINICIANS)
    public GateStatus status(UUID sessionId) {
        var opened = access.read(sessionId);
        var status = evaluate(opened.session(), opened.patient());
        access.audit("DOSING_GATE_VIEWED", opened.session(), status.blockers().size() + " blockers");
        return status;
    }

    /** The nurse attests an item (identity, co-medications noted, fasting, transport, pregnancy status). */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public void attest(UUID sessionId, GateItem item, @Nullable String value) {
        var opened = access.change(sessionId);
        var s = opened.session();
        requireGate(s);
        if (!item.confirmed()) {
            throw new IllegalArgumentException("item: " + item.label() + " is read from the record, not attested.");
        }
        var text = value == null ? "" : value.strip();
        if (item == GateItem.PREGNANCY) {
            text = PregnancyStatus.parse(text).label();
        } else if ((item == GateItem.TRANSPORT) && text.isEmpty()) {
            throw new IllegalArgumentException("transport: name who is taking the patient home (and how to reach them).");
        } else if (text.isEmpty()) {
            text = "Confirmed";
        }
        if (text.length() > 500) {
            throw new IllegalArgumentException(fieldOf(item) + ": use at most 500 characters.");
        }
        repository.insertGateEntry(s.id(), item, text, access.now(), access.user());
        access.audit("DOSING_GATE_ATTESTED", s, item.name());
    }

    /** Reconciles the medication and allergy lists at the gate (kept by the eligibility module, context DOSING_GATE). */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public void reconcileMedications(UUID sessionId, @Nullable String note) {
        var s = access.change(sessionId).session();
        requireGate(s);
        medications.reconcile(s.patientId(), Reconciliation.Context.DOSING_GATE, note);
        access.audit("DOSING_GATE_MEDICATIONS_RECONCILED", s, "");
    }

    /** Pre-dose vitals (a re-check replaces the verdict: the latest reading counts), and today's weight. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public VitalsRules.Verdict recordVitals(UUID sessionId, Vitals vitals, @Nullable BigDecimal weightKg) {
        var s = access.change(sessionId).session();
        requireGate(s);
        if (!vitals.hasPreDoseSet()) {
            var missing = vitals.systolic() == null ? "systolic" : vitals.heartRate() == null ? "heartRate" : "spo2";
            throw new IllegalArgumentException(missing + ": record BP, heart rate and SpO2 before the dose.");
        }
        if (Route.of(s.modality()).weightBased() && weightKg == null && s.weightKg() == null) {
            throw new IllegalArgumentException("weight: weigh the patient today; the dose is per kg.");
        }
        var now = access.now();
        var verdict = rules.gate(vitals);
        repository.insertCheck(new Check(UUID.randomUUID(), s.id(), Check.Phase.PRE_DOSE, now, vitals, null, null,
                Map.of(), List.of(), verdict.reasons(), null, now, access.user()));
        if (weightKg != null) {
            repository.update(s, Map.of("weight_kg", DoseMath.weight(weightKg)));
        }
        access.audit("DOSING_PRE_DOSE_VITALS_RECORDED", s, verdict.verdict().name());
        return verdict;
    }

    /**
     * A prescriber acknowledges a raised BP (kind ACKNOWLEDGE) or overrides a hold (kind OVERRIDE) for the latest
     * pre-dose reading, with a reason. Audited with the reading.
     */
    @PreAuthorize(SessionAccess.PRESCRIBER)
    public void decide(UUID sessionId, boolean override, String reason) {
        var opened = access.change(sessionId);
        var s = opened.session();
        requireGate(s);
        var pre = latestPreDose(s.id());
        if (pre == null) {
            throw new IllegalStateException("Record the pre-dose vitals first.");
        }
        var verdict = rules.gate(pre.vitals());
        if (verdict.verdict() == VitalsRules.GateVerdict.IN_RANGE) {
            throw new IllegalStateException("The pre-dose reading is in range; there is nothing to acknowledge.");
        }
        if (verdict.verdict() == VitalsRules.GateVerdict.HOLD && !override) {
            throw new IllegalArgumentException("reason: this reading holds the dose; only an override with a reason releases it.");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: say why dosing is safe with this reading.");
        }
        if (reason.strip().length() > 1000) {
            throw new IllegalArgumentException("reason: use at most 1000 characters.");
        }
        var kind = override ? "OVERRIDE" : "ACKNOWLEDGE";
        repository.insertOverride(s.id(), pre.id(), kind, reason.strip(), access.now(), access.user());
        access.audit(override ? "DOSING_GATE_OVERRIDDEN" : "DOSING_GATE_BP_ACKNOWLEDGED", s,
                pre.vitals().bloodPressure() + " HR " + pre.vitals().heartRate() + ": " + String.join(" ", verdict.reasons()));
        events.publishEvent(new DosingEvents.GateOverridden(s.id(), s.patientId().value(), kind, access.user()));
    }

    /** Passes the gate when nothing blocks; the dose may then be given. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public void pass(UUID sessionId) {
        var opened = access.change(sessionId);
        var s = opened.session();
        requireGate(s);
        var status = evaluate(s, opened.patient());
        if (!status.passable()) {
            throw new IllegalStateException("The dose is blocked: " + String.join(" ", status.blockers()));
        }
        var now = access.now();
        repository.update(s, Map.of("status", SessionStatus.CLEARED.name(), "gate_passed_at", now,
                "gate_passed_by", access.user()));
        access.audit("DOSING_GATE_PASSED", s, "");
    }

    GateStatus evaluate(DosingSession s, PatientView patient) {
        var today = access.today();
        var zone = access.calendar().zone();
        var entries = repository.gateEntries(s.id());
        var items = new ArrayList<GateStatus.ItemState>();
        var route = Route.of(s.modality());

        attested(items, entries, GateItem.IDENTITY, "Ask the patient's full name and date of birth; match the chart ("
                + patient.details().dateOfBirth() + ").");
        var missing = consents.missing(s.patientId(), s.modality());
        items.add(new GateStatus.ItemState(GateItem.CONSENT, missing.isEmpty(), missing.isEmpty() ? "All current."
                : "Missing or out of date: " + String.join(", ", missing.stream().map(k -> k.label()).toList()) + ".", null));
        if (s.esketamine()) {
            var enrolled = evaluations.summary(s.patientId()).map(e -> e.evaluation().remsEnrolledOn()).orElse(null);
            items.add(new GateStatus.ItemState(GateItem.REMS_PATIENT, enrolled != null,
                    enrolled == null ? "No REMS enrolment date in the evaluation." : "Enrolled " + enrolled + ".", null));
            var certified = remsSettings.certificationFor(s.locationId());
            items.add(new GateStatus.ItemState(GateItem.REMS_SETTING, certified.isPresent(), certified
                    .map(c -> "Certified " + c.certificationId() + " since " + c.certifiedOn() + ".")
                    .orElse("No REMS certification for this location; an admin records it under REMS certification."),
                    null));
        }
        var lists = medications.lists(s.patientId());
        var reconciled = lists.lastReconciliation().filter(r -> onDay(r.reconciledAt(), today, zone));
        items.add(new GateStatus.ItemState(GateItem.MEDICATIONS_RECONCILED, reconciled.isPresent(),
                reconciled.map(r -> "Reconciled by " + r.reconciledBy() + ".").orElse("Not reconciled today."),
                reconciled.map(Reconciliation::reconciledBy).orElse(null)));
        var watched = lists.medications().stream().filter(m -> m.active())
                .filter(m -> m.classes().stream().anyMatch(WATCHED::contains))
                .map(m -> m.name() + " (" + String.join(", ", m.classes().stream().filter(WATCHED::contains)
                        .map(c -> c.label()).toList()) + ")")
                .toList();
        attested(items, entries, GateItem.CO_MEDICATIONS, watched.isEmpty() ? "None on the list."
                : String.join("; ", watched));
        attested(items, entries, GateItem.FASTING, "Ask when the patient last ate and drank.");
        var transport = appointments.forPatient(s.patientId()).stream().filter(a -> a.id().equals(s.appointmentId()))
                .findFirst().map(a -> a.transportConfirmedAt()).orElse(null);
        if (transport != null && !entries.containsKey(GateItem.TRANSPORT)) {
            items.add(new GateStatus.ItemState(GateItem.TRANSPORT, true, "Confirmed by the patient in advance.", null));
        } else {
            attested(items, entries, GateItem.TRANSPORT, "Who is driving the patient home?");
        }
        if (pregnancyRelevant(patient, today)) {
            attested(items, entries, GateItem.PREGNANCY, "Ask, or test per clinic policy.");
        }
        todayScore(items, GateItem.MOOD_TODAY, s, "mood", today, zone);
        todayScore(items, GateItem.ASQ_TODAY, s, "asq", today, zone);
        var cleared = clearance.check(s.patientId(), today);
        items.add(new GateStatus.ItemState(GateItem.CLEARANCE, cleared.cleared(), cleared.cleared()
                ? (cleared.clearedBy() == null ? "No open immediate alert or acute screen." : "Cleared by "
                        + cleared.clearedBy() + ": " + cleared.note())
                : String.join(" ", cleared.blockers().stream().map(b -> b.reason()).toList()), cleared.clearedBy()));
        var pre = latestPreDose(s.id());
        items.add(new GateStatus.ItemState(GateItem.VITALS, pre != null, pre == null ? "Not recorded."
                : "BP " + pre.vitals().bloodPressure() + ", HR " + pre.vitals().heartRate() + ", SpO2 "
                        + pre.vitals().spo2() + "%", pre == null ? null : pre.recordedBy()));
        if (route.weightBased()) {
            items.add(new GateStatus.ItemState(GateItem.WEIGHT, s.weightKg() != null,
                    s.weightKg() == null ? "Not weighed today." : DoseMath.plain(s.weightKg()) + " kg", null));
        }
        var verdict = pre == null ? new VitalsRules.Verdict(VitalsRules.GateVerdict.IN_RANGE, List.of())
                : rules.gate(pre.vitals());
        GateStatus.Decision decision = null;
        if (pre != null) {
            decision = repository.overrides(s.id()).stream().filter(o -> o.checkId().equals(pre.id()))
                    .reduce((a, b) -> b).map(o -> new GateStatus.Decision(o.kind(), o.reason(), o.by(), o.at()))
                    .orElse(null);
        }
        var blockers = new ArrayList<String>();
        items.stream().filter(i -> !i.done()).forEach(i -> blockers.add(i.item().label() + ": not done."));
        var partial = new GateStatus(List.copyOf(items), pre, verdict, decision, watched, List.of());
        if (partial.held()) {
            blockers.add("Pre-dose reading holds the dose (" + String.join(" ", verdict.reasons())
                    + ") unless a prescriber overrides with a reason.");
        } else if (partial.needsAcknowledgment()) {
            blockers.add("Pre-dose BP needs a prescriber's acknowledgment (" + String.join(" ", verdict.reasons()) + ")");
        }
        return new GateStatus(List.copyOf(items), pre, verdict, decision, watched, List.copyOf(blockers));
    }

    private boolean pregnancyRelevant(PatientView p, LocalDate today) {
        var sex = p.details().sexAssignedAtBirth();
        int age = p.ageOn(today);
        return (sex == SexAssignedAtBirth.FEMALE || sex == SexAssignedAtBirth.INTERSEX)
                && age >= settings.pregnancyCheckFromAge() && age <= settings.pregnancyCheckToAge();
    }

    private void todayScore(List<GateStatus.ItemState> items, GateItem item, DosingSession s, String code,
            LocalDate today, ZoneId zone) {
        var done = assessments.history(s.patientId(), code).stream().filter(a -> onDay(a.administeredAt(), today, zone))
                .reduce((a, b) -> a.administeredAt().isAfter(b.administeredAt()) ? a : b);
        items.add(new GateStatus.ItemState(item, done.isPresent(), done.map(a -> "Done: " + (a.total() == null ? ""
                : a.total() + " ") + (a.severity() == null ? "" : a.severity())).orElse("Not done today."),
                done.map(a -> a.recordedBy()).orElse(null)));
    }

    private static void attested(List<GateStatus.ItemState> items, Map<GateItem, DosingRepository.GateEntry> entries,
            GateItem item, String hint) {
        var e = entries.get(item);
        items.add(new GateStatus.ItemState(item, e != null, e == null ? hint : e.value(), e == null ? null : e.by()));
    }

    private static boolean onDay(java.time.Instant at, LocalDate day, ZoneId zone) {
        return at.atZone(zone).toLocalDate().equals(day);
    }

    @Nullable Check latestPreDose(UUID session) {
        return repository.checks(session).stream().filter(c -> c.phase() == Check.Phase.PRE_DOSE)
                .reduce((a, b) -> b).orElse(null);
    }

    static void requireGate(DosingSession s) {
        if (s.status() != SessionStatus.GATE) {
            throw new IllegalStateException("The gate is closed: this session is " + s.status().label().toLowerCase()
                    + ".");
        }
    }

    static String fieldOf(GateItem item) {
        return switch (item) {
            case TRANSPORT -> "transport";
            case PREGNANCY -> "pregnancy";
            case FASTING -> "fasting";
            case CO_MEDICATIONS -> "coMedications";
            default -> "identity";
        };
    }
}
