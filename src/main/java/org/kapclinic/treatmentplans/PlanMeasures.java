// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.time.Clock;
import org.kapclinic.assessments.MeasurementSchedules;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends the plan's measurement points that are not tied to a dose (the end of a phase, every N days) as one-off
 * questionnaires at their planned time; dose-tied points are set by the dosing module from the actual dose. Kept in
 * step with the plan: a moved, cancelled or ended item's unsent questionnaire is withdrawn. Clinician-rated
 * instruments are not sent (the plan still lists them). Runs in the plan change's transaction.
 */
@Component
class PlanMeasures {

    private final TreatmentPlans plans;
    private final MeasurementSchedules schedules;
    private final Clock clock;

    PlanMeasures(TreatmentPlans plans, MeasurementSchedules schedules, Clock clock) {
        this.plans = plans;
        this.schedules = schedules;
        this.clock = clock;
    }

    @EventListener
    void approved(PlanApproved e) {
        sync(e.patient(), e.plan());
    }

    @EventListener
    void changed(PlanChanged e) {
        sync(e.patient(), e.plan());
    }

    private void sync(org.kapclinic.patients.PatientId patient, java.util.UUID planId) {
        var plan = plans.plans(patient).stream().filter(p -> p.id().equals(planId)).findFirst().orElse(null);
        if (plan == null) {
            return;
        }
        var now = clock.instant();
        for (var item : plan.items()) {
            if (item.kind() != PlannedItem.Kind.ASSESSMENT || item.doseNumber() != null) {
                continue;
            }
            if (item.live() && plan.status() == TreatmentPlan.Status.APPROVED && item.at().isAfter(now)) {
                item.instruments().forEach(i -> schedules.once(patient, i, item.at(), item.id(), item.label()));
            } else {
                schedules.withdraw(patient, item.id(), "plan item " + item.status().name().toLowerCase());
            }
        }
    }
}
