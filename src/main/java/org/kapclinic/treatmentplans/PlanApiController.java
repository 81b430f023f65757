// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.util.List;
import java.util.UUID;
import org.kapclinic.patients.PatientId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A patient's treatment plans over JSON: status, generated items (moved and cancelled ones too) and revisions. */
@RestController
class PlanApiController {

    private final TreatmentPlans plans;

    PlanApiController(TreatmentPlans plans) {
        this.plans = plans;
    }

    @GetMapping(path = "/api/v1/patients/{id}/treatment-plans", produces = "application/json")
    List<TreatmentPlan> plans(@PathVariable UUID id) {
        return plans.plans(new PatientId(id));
    }
}
