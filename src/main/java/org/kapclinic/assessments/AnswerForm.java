// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers as a page posts them: one parameter {@code item-N} per item. Values that are not whole numbers are kept as
 * errors (never thrown away), and scoring problems become messages next to their item.
 */
record AnswerForm(Map<String, Integer> answers, Map<String, String> errors) {

    static final String PREFIX = "item-";

    static AnswerForm parse(Map<String, String> params) {
        var answers = new LinkedHashMap<String, Integer>();
        var errors = new LinkedHashMap<String, String>();
        params.forEach((name, value) -> {
            if (!name.startsWith(PREFIX) || value == null || value.isBlank()) {
                return;
            }
            var item = name.substring(PREFIX.length());
            try {
                answers.put(item, Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                errors.put(item, "Choose one of the answers given.");
            }
        });
        return new AnswerForm(answers, errors);
    }

    /** The form's errors plus the scorer's problems, in plain words, keyed by item. */
    Map<String, String> withProblems(List<Score.ItemProblem> problems) {
        var all = new LinkedHashMap<>(errors);
        for (var p : problems) {
            all.putIfAbsent(p.item(), plain(p.message()));
        }
        return all;
    }

    private static String plain(String message) {
        var lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("missing")) {
            return "Please answer this question.";
        }
        if (lower.startsWith("not an item")) {
            return "This is not a question of this questionnaire.";
        }
        return "Choose one of the answers given.";
    }
}
