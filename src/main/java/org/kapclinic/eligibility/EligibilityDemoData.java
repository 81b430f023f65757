// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Synthetic treatment histories for the first six demo patients: antidepressant trials (some adequate failures, one
 * under-dosed, one from an earlier episode), current medications and an allergy. The portal patient has an open
 * esketamine evaluation waiting for the prescriber; the fourth patient has a signed IV-ketamine decision.
 */
@Component
class EligibilityDemoData implements DemoDataContributor {

    private static final String BY = "demo-generator";

    record DemoTrial(String drug, int mg, int weeks, Adherence adherence, TrialOutcome outcome, boolean augmentation,
            boolean current) {}

    private static final List<List<DemoTrial>> TRIALS = List.of(
            List.of(new DemoTrial("sertraline", 150, 10, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, false, true),
                    new DemoTrial("bupropion", 300, 8, Adherence.MOST_DAYS, TrialOutcome.PARTIAL, false, true),
                    new DemoTrial("escitalopram", 5, 12, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, false, true),
                    new DemoTrial("aripiprazole", 5, 6, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, true, true)),
            List.of(new DemoTrial("fluoxetine", 40, 12, Adherence.ALL_DAYS, TrialOutcome.RESPONSE, false, false),
                    new DemoTrial("venlafaxine", 225, 8, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, false, true),
                    new DemoTrial("mirtazapine", 30, 4, Adherence.MOST_DAYS, TrialOutcome.NO_RESPONSE, false, true)),
            List.of(new DemoTrial("duloxetine", 60, 9, Adherence.MOST_DAYS, TrialOutcome.NO_RESPONSE, false, true),
                    new DemoTrial("vortioxetine", 20, 7, Adherence.ALL_DAYS, TrialOutcome.INTOLERANCE, false, true)),
            List.of(new DemoTrial("citalopram", 40, 8, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, false, true),
                    new DemoTrial("sertraline", 200, 12, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, false, true),
                    new DemoTrial("nortriptyline", 100, 8, Adherence.MOST_DAYS, TrialOutcome.PARTIAL, false, true),
                    new DemoTrial("lithium", 900, 8, Adherence.MOST_DAYS, TrialOutcome.NO_RESPONSE, true, true)),
            List.of(new DemoTrial("paroxetine", 20, 6, Adherence.SOME_DAYS, TrialOutcome.NO_RESPONSE, false, true),
                    new DemoTrial("desvenlafaxine", 100, 10, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, false, true)),
            List.of(new DemoTrial("escitalopram", 20, 8, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, false, true),
                    new DemoTrial("bupropion", 450, 8, Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, false, true)));

    private static final List<List<String[]>> MEDICATIONS = List.of(
            List.<String[]>of(new String[] {"bupropion XL", "300 mg every morning", "OTHER"},
                    new String[] {"lorazepam", "0.5 mg as needed", "BENZODIAZEPINE"}),
            List.<String[]>of(new String[] {"venlafaxine XR", "225 mg daily", "OTHER"},
                    new String[] {"lisinopril", "10 mg daily", "ANTIHYPERTENSIVE"}),
            List.<String[]>of(new String[] {"duloxetine", "60 mg daily", "OTHER"},
                    new String[] {"lisdexamfetamine", "30 mg every morning", "PSYCHOSTIMULANT"}),
            List.<String[]>of(new String[] {"sertraline", "200 mg daily", "OTHER"}),
            List.<String[]>of(new String[] {"desvenlafaxine", "100 mg daily", "OTHER"},
                    new String[] {"zolpidem", "5 mg at bedtime", "NON_BENZODIAZEPINE_HYPNOTIC"}),
            List.<String[]>of(new String[] {"escitalopram", "20 mg daily", "OTHER"}));

    private final JdbcClient jdbc;
    private final Clock clock;

    EligibilityDemoData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.sql("SELECT COUNT(*) FROM antidepressant_trial WHERE entered_by <> 'demo-generator'")
                .query(Long.class).single() > 0;
    }

    @Override
    public String contribute(DemoContext context) {
        var records = context.ids("PATIENT_RECORD");
        var now = clock.instant();
        var at = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(3)), ZoneOffset.UTC);
        int n = Math.min(TRIALS.size(), records.size());
        for (int p = 0; p < n; p++) {
            var patient = records.get(p);
            for (var t : TRIALS.get(p)) {
                jdbc.sql("""
                        INSERT INTO antidepressant_trial (id, patient_id, drug, max_daily_mg, weeks_at_dose, adherence,
                            outcome, augmentation, current_episode, note, entered_at, entered_by)
                        VALUES (:id, :p, :d, :mg, :w, :a, :o, :aug, :cur, '', :at, :by)""")
                        .param("id", UUID.randomUUID()).param("p", patient).param("d", t.drug())
                        .param("mg", BigDecimal.valueOf(t.mg())).param("w", t.weeks()).param("a", t.adherence().name())
                        .param("o", t.outcome().name()).param("aug", t.augmentation()).param("cur", t.current())
                        .param("at", at).param("by", BY).update();
            }
            for (var m : MEDICATIONS.get(p)) {
                jdbc.sql("INSERT INTO medication (id, patient_id, name, dose, classes, added_at, added_by)"
                                + " VALUES (:id, :p, :n, :d, :c, :at, :by)")
                        .param("id", UUID.randomUUID()).param("p", patient).param("n", m[0]).param("d", m[1])
                        .param("c", m[2]).param("at", at).param("by", BY).update();
            }
            if (p % 2 == 0) {
                jdbc.sql("INSERT INTO allergy (id, patient_id, substance, reaction, added_at, added_by)"
                                + " VALUES (:id, :p, 'penicillin', 'hives', :at, :by)")
                        .param("id", UUID.randomUUID()).param("p", patient).param("at", at).param("by", BY).update();
            }
        }
        if (n > 0) {
            evaluation(records.get(0), "ESKETAMINE", "OPEN", now.atZone(ZoneOffset.UTC).toLocalDate().minusMonths(18), at);
        }
        // Today's four dosing patients (the scheduling demo books records 1-4 with these modalities) are evaluated,
        // eligible and consented, and the esketamine ones are enrolled in the REMS, so the dosing gate can pass.
        var modalities = List.of(Modality.ESKETAMINE, Modality.IV_KETAMINE, Modality.IV_KETAMINE, Modality.ESKETAMINE);
        for (int r = 1; r <= 4 && r < records.size(); r++) {
            decided(records.get(r), modalities.get(r - 1), now, at);
        }
        return n + " treatment histories";
    }

    private void decided(UUID patient, Modality modality, java.time.Instant now, OffsetDateTime at) {
        var e = evaluation(patient, modality.name(), "DECIDED", now.atZone(ZoneOffset.UTC).toLocalDate().minusMonths(30), at);
        if (modality == Modality.ESKETAMINE) {
            jdbc.sql("UPDATE evaluation SET rems_enrolled_on = :d WHERE id = :e")
                    .param("d", now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(10)).param("e", e).update();
        }
        for (var item : ScreeningItem.values()) {
            jdbc.sql("INSERT INTO contraindication_answer (evaluation_id, item, present, answered_at, answered_by)"
                            + " VALUES (:e, :i, FALSE, :at, :by)")
                    .param("e", e).param("i", item.name()).param("at", at).param("by", BY).update();
        }
        jdbc.sql("""
                INSERT INTO medication_reconciliation (id, patient_id, context, medications, allergies, note,
                    reconciled_at, reconciled_by) VALUES (:id, :p, 'EVALUATION', 'sertraline 200 mg daily',
                    'no known allergies', '', :at, :by)""")
                .param("id", UUID.randomUUID()).param("p", patient).param("at", at).param("by", BY).update();
        jdbc.sql("""
                INSERT INTO eligibility_decision (id, evaluation_id, patient_id, modality, outcome, reasons,
                    conditions, trd_met, trd_summary, maudsley_total, screening_summary, signed_at, signed_by)
                VALUES (:id, :e, :p, :m, 'ELIGIBLE', :r, '', TRUE, :trd, 10,
                    'No contraindication or caution present.', :at, :by)""")
                .param("id", UUID.randomUUID()).param("e", e).param("p", patient).param("m", modality.name())
                .param("r", "Three adequate failed trials and lithium augmentation in this episode; no"
                        + " contraindications; blood pressure controlled. (Synthetic demo decision.)")
                .param("trd", "TRD criteria met: 3 adequate failed antidepressant trials in the current episode (at least 2 needed).")
                .param("at", at).param("by", BY).update();
        for (var kind : ConsentKind.requiredFor(modality)) {
            jdbc.sql("""
                    INSERT INTO consent_signature (id, patient_id, document_id, kind, version, signer_name, channel,
                        signed_at, recorded_by)
                    SELECT :id, :p, d.id, d.kind, d.version, 'Demo Patient (synthetic)', 'TABLET', :at, :by
                    FROM consent_document d WHERE d.kind = :k
                        AND d.version = (SELECT MAX(version) FROM consent_document WHERE kind = :k)""")
                    .param("id", UUID.randomUUID()).param("p", patient).param("k", kind.name()).param("at", at)
                    .param("by", BY).update();
        }
    }

    private UUID evaluation(UUID patient, String modality, String status, LocalDate episodeStart, OffsetDateTime at) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO evaluation (id, patient_id, modality, episode_start, ect, tms, severity, notes, status,
                    started_at, started_by, updated_at, updated_by, version)
                VALUES (:id, :p, :m, :es, 'NONE', 'NONE', :sev, '', :st, :at, :by, :at, :by, 0)""")
                .param("id", id).param("p", patient).param("m", modality).param("es", episodeStart)
                .param("sev", "DECIDED".equals(status) ? "SEVERE" : null).param("st", status).param("at", at)
                .param("by", BY).update();
        return id;
    }
}
