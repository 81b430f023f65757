// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.treatmentplans.PlanRecords.ItemRecord;
import org.kapclinic.treatmentplans.PlanRecords.PlanRecord;
import org.kapclinic.treatmentplans.TreatmentPlan;

/**
 * A treatment plan as an R4 CarePlan (intent "plan"): draft, active once approved, completed once ended; each planned
 * item (dosing, preparation, integration, measurement, re-evaluation) an activity with its date. A planned item is
 * "scheduled" until its time; after that the plan does not know whether it happened ("unknown"); cancelled and moved
 * items are "cancelled" (a moved item's new date is an item of its own).
 */
final class CarePlanFhirMapper {

    private CarePlanFhirMapper() {}

    static CarePlan map(PlanRecord plan, Instant now) {
        var c = new CarePlan();
        c.setId(plan.id().toString());
        c.setStatus(switch (plan.status()) {
            case DRAFT -> CarePlan.CarePlanStatus.DRAFT;
            case APPROVED -> CarePlan.CarePlanStatus.ACTIVE;
            case ENDED -> CarePlan.CarePlanStatus.COMPLETED;
            case DISCARDED -> CarePlan.CarePlanStatus.REVOKED;
        });
        c.setIntent(CarePlan.CarePlanIntent.PLAN);
        c.setTitle(plan.templateName());
        c.setDescription(plan.modality().label()
                + (plan.endDecision() == null ? "" : ". Ended: " + plan.endDecision().label()));
        c.setSubject(new Reference("Patient/" + plan.patientId().value()));
        c.setCreatedElement(new DateTimeType(Date.from(plan.createdAt())));
        var period = new Period().setStartElement(new DateTimeType(plan.startDate().toString()));
        if (plan.endedAt() != null) {
            period.setEnd(Date.from(plan.endedAt()));
        }
        c.setPeriod(period);
        for (var item : plan.items()) {
            var detail = c.addActivity().getDetail();
            detail.setCode(new CodeableConcept().setText(item.kind().label()));
            detail.setStatus(status(item, now));
            detail.setDescription(item.label() + (item.dose() == null ? "" : " (" + item.dose() + ")")
                    + (item.status() == TreatmentPlan.ItemStatus.MOVED ? " (moved)" : ""));
            detail.setScheduled(new Period().setStart(Date.from(item.at())));
        }
        return c;
    }

    private static CarePlan.CarePlanActivityStatus status(ItemRecord item, Instant now) {
        return switch (item.status()) {
            case CANCELLED, MOVED -> CarePlan.CarePlanActivityStatus.CANCELLED;
            case PLANNED -> item.at().isAfter(now) ? CarePlan.CarePlanActivityStatus.SCHEDULED
                    : CarePlan.CarePlanActivityStatus.UNKNOWN;
        };
    }
}
