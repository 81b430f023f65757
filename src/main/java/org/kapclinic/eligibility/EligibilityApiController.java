// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The current evaluation over JSON: TRD determination with reasons, Maudsley stage, blockers and decisions. */
@RestController
class EligibilityApiController {

    record TrialJson(UUID id, String drug, String maxDailyMg, int weeksAtDose, Adherence adherence,
            TrialOutcome outcome, boolean augmentation, boolean currentEpisode, boolean adequate, boolean failed,
            boolean counts, List<String> reasons) {}

    record TrdJson(boolean met, int counted, int required, List<TrialJson> trials) {}

    record EligibilityJson(UUID evaluation, Modality modality, Evaluation.Status status, TrdJson trd,
            MaudsleyStaging.Stage maudsley, List<String> blockers, List<ConsentKind> missingConsents,
            List<ScreeningAnswer> screening, @Nullable Decision decision, List<Decision> decisions) {}

    private final Evaluations evaluations;

    EligibilityApiController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping(path = "/api/v1/patients/{id}/eligibility", produces = "application/json")
    EligibilityJson eligibility(@PathVariable UUID id) {
        var s = evaluations.summary(new PatientId(id)).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No evaluation has been started for this patient."));
        var trials = s.trd().verdicts().stream().map(v -> new TrialJson(v.trial().id(), v.trial().drug(),
                v.trial().maxDailyMg().stripTrailingZeros().toPlainString(), v.trial().weeksAtDose(),
                v.trial().adherence(), v.trial().outcome(), v.trial().augmentation(), v.trial().currentEpisode(),
                v.adequate(), v.failed(), v.counts(), v.reasons())).toList();
        var e = s.evaluation();
        return new EligibilityJson(e.id(), e.modality(), e.status(),
                new TrdJson(s.trd().met(), s.trd().counted(), s.trd().required(), trials), s.stage(), s.blockers(),
                s.missingConsents(), List.copyOf(s.answers().values()), s.latestDecision(), s.decisions());
    }
}
