// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What saving or submitting a questionnaire did. Answers are always kept (as a draft when incomplete); {@code flags}
 * are the safety flags the answers so far raise, so the page shows crisis resources at once; {@code problems} names
 * items still missing or out of range. {@code assessment} is set once the questionnaire was submitted and scored.
 */
public record QuestionnaireOutcome(@Nullable AssessmentView assessment, List<String> flags,
        List<Score.ItemProblem> problems) {

    public boolean submitted() {
        return assessment != null;
    }

    public boolean crisis() {
        return !flags.isEmpty();
    }
}
