// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.questionnaires.*} (README, "Settings"). Issue #4: a secure link is valid 4 days, with a reminder after 2.
 *
 * @param linkValidity how long an emailed link can be used
 * @param reminderAfter when the reminder goes out if the questionnaire is not finished
 * @param kioskValidity how long a kiosk questionnaire stays open on the clinic tablet
 */
@ConfigurationProperties("kap.questionnaires")
record QuestionnaireSettings(@DefaultValue("4d") Duration linkValidity, @DefaultValue("2d") Duration reminderAfter,
        @DefaultValue("2h") Duration kioskValidity) {

    QuestionnaireSettings {
        if (reminderAfter.compareTo(linkValidity) >= 0) {
            throw new IllegalArgumentException("kap.questionnaires.reminder-after must be shorter than link-validity");
        }
    }
}
