// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.util.LinkedHashMap;
import java.util.Map;

/** What can raise an alert. The level of each is in the editable level table (safety_level_rule). */
final class Triggers {

    static final String ACUTE_SUICIDE_RISK = "acute-suicide-risk";
    static final String SUICIDE_RISK = "suicide-risk";
    static final String SUICIDAL_IDEATION = "suicidal-ideation";
    static final String CSSRS_LOW = "cssrs-low";
    static final String URGENT_INQUIRY = "urgent-inquiry";
    static final String URGENT_REFLECTION = "urgent-reflection";
    static final String NEGATED_MENTION = "negated-mention";
    static final String CLINICIAN_IMMINENT = "clinician-imminent";
    static final String CLINICIAN_CONCERN = "clinician-concern";

    /** Every trigger with the description the settings page shows, most severe first. */
    static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put(ACUTE_SUICIDE_RISK, "Acute-positive ASQ, high-risk C-SSRS, or MADRS item 10 of 4 or more");
        DESCRIPTIONS.put(CLINICIAN_IMMINENT, "A clinician flags imminent risk");
        DESCRIPTIONS.put(SUICIDE_RISK, "Positive ASQ, or moderate-risk C-SSRS");
        DESCRIPTIONS.put(SUICIDAL_IDEATION, "PHQ-9 item 9 above 0, QIDS-SR16 item 12 above 0, or MADRS item 10 at the"
                + " suicidal-ideation level (default 2-3)");
        DESCRIPTIONS.put(URGENT_INQUIRY, "An inquiry whose message the crisis screen found positive");
        DESCRIPTIONS.put(URGENT_REFLECTION, "A patient's reflection or prompt answer (portal) that the crisis screen"
                + " found positive");
        DESCRIPTIONS.put(CLINICIAN_CONCERN, "A clinician flags a concern");
        DESCRIPTIONS.put(NEGATED_MENTION, "An inquiry or a patient's reflection that mentions suicide only in"
                + " negation (\"not suicidal\")");
        DESCRIPTIONS.put(CSSRS_LOW, "Low-risk C-SSRS (wish to be dead or non-specific thoughts only)");
    }

    private Triggers() {}

    static String describe(String trigger) {
        return DESCRIPTIONS.getOrDefault(trigger, trigger);
    }
}
