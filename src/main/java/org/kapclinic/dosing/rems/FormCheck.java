// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kapclinic.dosing.rems.FormDefinition.Condition;
import org.kapclinic.dosing.rems.FormDefinition.Field;

/**
 * The completeness check a form must pass before sign-off: every required field answered (including the ones another
 * answer makes required), every value valid for its field, and the definition's rules met. Warnings are shown but do
 * not block.
 *
 * @param missing required fields without an answer, in the form's order
 * @param problems invalid values and rules not met
 */
public record FormCheck(List<Missing> missing, List<Problem> problems) {

    public record Missing(String field, String label, String section) {}

    public record Problem(String field, String label, String message, boolean blocking) {}

    public boolean signable() {
        return missing.isEmpty() && problems.stream().noneMatch(Problem::blocking);
    }

    /** "First name, Birthdate" */
    public String missingLabels() {
        return String.join(", ", missing.stream().map(Missing::label).toList());
    }

    static FormCheck of(FormDefinition d, Map<String, String> values) {
        var missing = new ArrayList<Missing>();
        var problems = new ArrayList<Problem>();
        for (var section : d.sections()) {
            for (var field : section.fields()) {
                var value = values.get(field.key());
                if (value == null) {
                    if (required(field, values)) {
                        missing.add(new Missing(field.key(), field.label(), section.title()));
                    }
                } else if (!FieldValues.valid(field, value)) {
                    problems.add(new Problem(field.key(), field.label(), "\"" + value + "\" is not valid here: "
                            + reason(field, value), true));
                }
            }
        }
        for (var rule : d.ruleList()) {
            var field = d.field(rule.field()).orElseThrow();
            var value = values.get(rule.field());
            if (value == null || !FieldValues.valid(field, value) || holds(rule.unless(), values)) {
                continue;
            }
            boolean met = true;
            if (rule.atLeast() != null) {
                met = Integer.parseInt(value) >= rule.atLeast();
            } else if (rule.notAfter() != null) {
                var other = values.get(rule.notAfter());
                var otherField = d.field(rule.notAfter()).orElseThrow();
                met = other == null || !FieldValues.valid(otherField, other)
                        || !LocalDate.parse(value).isAfter(LocalDate.parse(other));
            } else if (rule.equals() != null) {
                met = rule.equals().equals(value);
            }
            if (!met) {
                problems.add(new Problem(field.key(), field.label(), rule.message(), rule.blocking()));
            }
        }
        return new FormCheck(List.copyOf(missing), List.copyOf(problems));
    }

    /** Whether the field needs an answer given the other answers. */
    static boolean required(Field field, Map<String, String> values) {
        return field.alwaysRequired() || holds(field.requiredWhen(), values);
    }

    private static boolean holds(@Nullable Condition condition, Map<String, String> values) {
        return condition != null && condition.equals().equals(values.get(condition.field()));
    }

    private static String reason(Field field, String value) {
        try {
            FieldValues.normalise(field, value);
            return "retype it.";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
