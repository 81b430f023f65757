// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns a score's flags (from complete or partial answers) into findings that say which answer raised them. */
final class SafetyFindings {

    private SafetyFindings() {}

    static List<SafetyFinding> of(Instrument instrument, Score score, Map<String, Integer> answers) {
        var findings = new ArrayList<SafetyFinding>();
        for (var flag : score.flags()) {
            findings.add(new SafetyFinding(flag, describe(instrument, flag, answers)));
        }
        // Columbia triage (REFERENCE.md 4.5): "yes" to Q1 or Q2 only is low risk, for routine follow-up.
        if ("cssrs".equals(instrument.code()) && score.flags().isEmpty()
                && (yes(answers, "1") || yes(answers, "2"))) {
            findings.add(new SafetyFinding(SafetyFinding.CSSRS_LOW, "C-SSRS: low risk (wish to be dead or non-specific"
                    + " suicidal thoughts only)"));
        }
        return findings;
    }

    private static String describe(Instrument instrument, String flag, Map<String, Integer> answers) {
        var name = Instruments.shortName(instrument);
        var items = new ArrayList<String>();
        for (var rule : instrument.flags()) {
            var answer = answers.get(rule.item());
            if (rule.flag().equals(flag) && answer != null && answer > 0) {
                items.add("item " + rule.item() + " answered " + answer + answerLabel(instrument, answer));
            }
        }
        if (!items.isEmpty()) {
            return name + ": " + String.join(", ", items);
        }
        return switch (instrument.scoring().method()) {
            case "asq" -> name + ": " + (Objects.equals(flag, Scorer.ACUTE_SUICIDE_RISK)
                    ? "acute positive (question 5 yes or declined)" : "positive (yes or declined on questions 1-4)");
            case "cssrs" -> name + ": " + (Objects.equals(flag, Scorer.ACUTE_SUICIDE_RISK) ? "high risk" : "moderate risk");
            default -> name + ": " + flag;
        };
    }

    private static String answerLabel(Instrument instrument, int value) {
        return instrument.options().stream().filter(o -> o.value() == value).findFirst()
                .map(o -> " (" + o.label() + ")").orElse("");
    }

    private static boolean yes(Map<String, Integer> answers, String item) {
        return Integer.valueOf(1).equals(answers.get(item));
    }
}
