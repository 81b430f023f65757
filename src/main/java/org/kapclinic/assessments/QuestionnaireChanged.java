// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

/** Someone saved or submitted the same questionnaire a moment ago (another tab or device): reload and go on. */
public class QuestionnaireChanged extends RuntimeException {
    QuestionnaireChanged() {
        super("The questionnaire changed while you were answering it.");
    }
}
