// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the evaluation page shows for the current evaluation: the history, the trials and what the TRD
 * determination made of them, the Maudsley stage, baseline scores, the screening, what still blocks signing, and the
 * signed decisions (newest first, amendments included).
 */
public record EvaluationSummary(Evaluation evaluation, List<Trial> trials, TrdDetermination.Result trd,
        MaudsleyStaging.Stage stage, List<Baseline> baseline, @Nullable Severity suggestedSeverity,
        Map<ScreeningItem, ScreeningAnswer> answers, Set<DrugClass> activeClasses, List<ConsentKind> missingConsents,
        boolean reconciled, List<String> blockers, List<Decision> decisions) {

    /** A baseline score from the measurement module. */
    public record Baseline(String instrument, @Nullable Integer total, @Nullable String band, Instant at) {}

    public List<ScreeningItem> items() {
        return ScreeningItem.forModality(evaluation.modality());
    }

    public boolean screeningComplete() {
        return items().stream().allMatch(answers::containsKey);
    }

    public boolean absolutePresent() {
        return answers.values().stream().anyMatch(a -> a.present() && a.item().absolute());
    }

    /** Whether the medication list suggests this item (MAOI or psychostimulant on the active list). */
    public boolean suggestedByMedications(ScreeningItem item) {
        return item.fromMedications() != null && activeClasses.contains(item.fromMedications());
    }

    public @Nullable Decision latestDecision() {
        return decisions.isEmpty() ? null : decisions.get(0);
    }
}
