// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.eligibility.Adherence;
import org.kapclinic.eligibility.ConsentKind;
import org.kapclinic.eligibility.Consents;
import org.kapclinic.eligibility.Decision;
import org.kapclinic.eligibility.Evaluation;
import org.kapclinic.eligibility.Evaluations;
import org.kapclinic.eligibility.Medications;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.eligibility.Reconciliation;
import org.kapclinic.eligibility.ScreeningItem;
import org.kapclinic.eligibility.Severity;
import org.kapclinic.eligibility.TreatmentHistory;
import org.kapclinic.eligibility.TrialOutcome;
import org.kapclinic.patients.PatientId;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.TestAccounts;
import org.springframework.context.ApplicationContext;

/** Patients made ready for a plan: a signed eligible decision and the consents their modality needs. */
public final class PlanFixtures {

    private PlanFixtures() {}

    /** The first business day at least {@code days} days from today in the clinic's calendar. */
    public static LocalDate businessDayAfter(ApplicationContext context, int days) {
        var calendar = context.getBean(ClinicCalendar.class);
        var day = LocalDate.now(context.getBean(Clock.class).withZone(calendar.zone())).plusDays(days);
        while (!calendar.current().isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Signs an eligible decision for {@code modality} and every consent it needs, as {@code prescriber}. */
    public static void eligible(ApplicationContext context, PatientId patient, ClinicUser prescriber, Modality modality) {
        var evaluations = context.getBean(Evaluations.class);
        var medications = context.getBean(Medications.class);
        var consents = context.getBean(Consents.class);
        TestAccounts.runAs(prescriber, () -> {
            Evaluation e;
            try {
                e = evaluations.start(patient, modality);
            } catch (IllegalArgumentException alreadyOpen) {
                e = evaluations.summary(patient).orElseThrow().evaluation();
            }
            for (var drug : List.of("sertraline", "venlafaxine")) {
                evaluations.addTrial(patient, new Evaluations.TrialForm(drug, new BigDecimal("225"), 8,
                        Adherence.ALL_DAYS, TrialOutcome.NO_RESPONSE, false, true, null));
            }
            evaluations.saveHistory(patient, new Evaluation.History(modality, LocalDate.of(2025, 6, 1),
                    TreatmentHistory.NONE, TreatmentHistory.NONE, Severity.MODERATE,
                    modality == Modality.ESKETAMINE ? LocalDate.of(2025, 7, 1) : null, "", e.version()));
            var absent = new EnumMap<ScreeningItem, Boolean>(ScreeningItem.class);
            for (var item : ScreeningItem.values()) {
                absent.put(item, false);
            }
            evaluations.screen(patient, absent, Map.of());
            medications.reconcile(patient, Reconciliation.Context.EVALUATION, "");
            evaluations.sign(patient, Decision.Outcome.ELIGIBLE, "Synthetic fixture decision.", null);
            for (var kind : ConsentKind.requiredFor(modality)) {
                int version = consents.statusFor(patient).stream().filter(s -> s.document().kind() == kind)
                        .findFirst().orElseThrow().document().version();
                consents.signOnTablet(patient, kind, version, "Fixture Signer", true);
            }
        });
    }

    /** A draft IV-series plan for an eligible patient; its id. */
    public static UUID draft(ApplicationContext context, PatientId patient, ClinicUser prescriber) {
        return draft(context, patient, prescriber, 7);
    }

    /** A draft IV-series plan whose first dose is the first business day at least {@code days} ahead. */
    public static UUID draft(ApplicationContext context, PatientId patient, ClinicUser prescriber, int days) {
        eligible(context, patient, prescriber, Modality.IV_KETAMINE);
        var start = businessDayAfter(context, days);
        return TestAccounts.runAs(prescriber, () -> context.getBean(TreatmentPlans.class).create(patient,
                new TreatmentPlans.NewPlan("iv-ketamine-series", start, LocalTime.of(9, 0), LocalTime.of(13, 0), null)))
                .id();
    }

    /** An approved IV-series plan; its id. */
    public static UUID approved(ApplicationContext context, PatientId patient, ClinicUser prescriber) {
        return approved(context, patient, prescriber, 7);
    }

    public static UUID approved(ApplicationContext context, PatientId patient, ClinicUser prescriber, int days) {
        var id = draft(context, patient, prescriber, days);
        TestAccounts.runAs(prescriber, () -> context.getBean(TreatmentPlans.class).approve(patient, id));
        return id;
    }
}
