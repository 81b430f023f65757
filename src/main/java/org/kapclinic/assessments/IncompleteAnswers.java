// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

/**
 * Answers that cannot be scored: missing, unknown or out-of-range items. Carries the score so callers can name every
 * problem item and still act on the flags the answered safety items raised.
 */
public class IncompleteAnswers extends RuntimeException {

    private final transient Score score;

    IncompleteAnswers(Score score) {
        super("Some answers are missing or out of range: " + score.problems().size());
        this.score = score;
    }

    public Score score() {
        return score;
    }
}
