// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kapclinic.dosing.rems.FormDefinition.Field;
import org.kapclinic.dosing.rems.FormDefinition.FieldType;

/**
 * Checks a form definition when it is loaded, so a mistake in a data file stops the application at start-up with a
 * message that names the file and the part ("rems/pmf-2023.json: sections[2].fields[3] (session.dose): ...") instead
 * of surfacing on a clinician's screen.
 */
final class FormDefinitionValidation {

    /** Field keys look like {@code patient.firstName}: dotted camelCase words. */
    static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+");

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,19}");

    private FormDefinitionValidation() {}

    static void check(FormDefinition d) {
        if (d.version() == null || !VERSION.matcher(d.version()).matches()) {
            fail("version: give a version of 1-20 letters, digits, dots, dashes or underscores, such as \"2023\".");
        }
        if (blank(d.title())) {
            fail("title is missing.");
        }
        try {
            if (d.effectiveFrom() == null) {
                fail("effectiveFrom is missing: give the date (YYYY-MM-DD) from which new forms use this version.");
            }
            LocalDate.parse(d.effectiveFrom());
        } catch (DateTimeParseException e) {
            fail("effectiveFrom: \"" + d.effectiveFrom() + "\" is not a date as YYYY-MM-DD.");
        }
        if (d.sections() == null || d.sections().isEmpty()) {
            fail("sections: a form needs at least one section.");
        }
        var keys = new HashSet<String>();
        var sectionKeys = new HashSet<String>();
        for (int s = 0; s < d.sections().size(); s++) {
            var section = d.sections().get(s);
            var at = "sections[" + (s + 1) + "]";
            if (section == null || blank(section.key()) || blank(section.title())) {
                fail(at + ": give the section a key and a title.");
            }
            if (!sectionKeys.add(section.key())) {
                fail(at + ".key \"" + section.key() + "\" is used by another section.");
            }
            if (section.fields() == null || section.fields().isEmpty()) {
                fail(at + " (" + section.key() + "): a section needs at least one field.");
            }
            for (int f = 0; f < section.fields().size(); f++) {
                var field = section.fields().get(f);
                var fieldAt = at + ".fields[" + (f + 1) + "]" + (field != null && field.key() != null
                        ? " (" + field.key() + ")" : "");
                checkField(field, fieldAt);
                if (!keys.add(field.key())) {
                    fail(fieldAt + ": the key is used by another field.");
                }
            }
        }
        for (var field : d.fields().toList()) {
            checkReferences(d, field);
        }
        checkRules(d);
    }

    private static void checkField(@Nullable Field field, String at) {
        if (field == null || field.key() == null || !KEY.matcher(field.key()).matches()) {
            fail(at + ": key must be dotted camelCase words, such as \"patient.firstName\".");
        }
        if (blank(field.label())) {
            fail(at + ": label is missing.");
        }
        var type = FieldType.fromCode(field.type()).orElse(null);
        if (type == null) {
            fail(at + ": type \"" + field.type() + "\" must be one of "
                    + Stream.of(FieldType.values()).map(FieldType::code).collect(Collectors.joining(", ")) + ".");
        }
        if (field.fact() != null && field.setting() != null) {
            fail(at + ": a field is filled from a fact or from a setting, not both.");
        }
        if (field.fact() != null && !KEY.matcher(field.fact()).matches()) {
            fail(at + ": fact \"" + field.fact() + "\" must be a dotted key such as \"session.lot\".");
        }
        if (field.setting() != null && !Certification.SETTING_KEYS.contains(field.setting())) {
            fail(at + ": setting \"" + field.setting() + "\" must be one of " + Certification.SETTING_KEYS + ".");
        }
        if (type == FieldType.CHOICE) {
            var options = field.choices();
            if (options.size() < 2) {
                fail(at + ": a choice needs at least two options.");
            }
            var values = new HashSet<String>();
            for (var o : options) {
                if (o == null || blank(o.value()) || blank(o.label())) {
                    fail(at + ": every option needs a value and a label.");
                }
                if (!values.add(o.value())) {
                    fail(at + ": option \"" + o.value() + "\" appears twice.");
                }
            }
        } else if (field.options() != null || field.other() != null) {
            fail(at + ": only a choice has options.");
        }
        if ((field.min() != null || field.max() != null) && type != FieldType.NUMBER) {
            fail(at + ": only a number has min and max.");
        }
        if (field.min() != null && field.max() != null && field.min() > field.max()) {
            fail(at + ": min (" + field.min() + ") is above max (" + field.max() + ").");
        }
        if (field.maxLength() != null && (type != FieldType.TEXT || field.maxLength() < 1 || field.maxLength() > 2000)) {
            fail(at + ": maxLength is for text, from 1 to 2000.");
        }
        if (field.pattern() != null) {
            if (type != FieldType.TEXT) {
                fail(at + ": only text has a pattern.");
            }
            try {
                Pattern.compile(field.pattern());
            } catch (PatternSyntaxException e) {
                fail(at + ": pattern is not a regular expression: " + e.getDescription() + ".");
            }
            if (blank(field.patternHint())) {
                fail(at + ": a pattern needs a patternHint that tells the clinician what to type.");
            }
        }
    }

    private static void checkReferences(FormDefinition d, Field field) {
        var at = "field " + field.key();
        var when = field.requiredWhen();
        if (when != null) {
            checkCondition(d, when, at + ".requiredWhen");
            if (when.field().equals(field.key())) {
                fail(at + ".requiredWhen: a field cannot depend on itself.");
            }
        }
        var other = field.other();
        if (other != null) {
            if (blank(other.value()) || field.choices().stream().noneMatch(o -> o.value().equals(other.value()))) {
                fail(at + ".other.value must be one of its options.");
            }
            var target = blank(other.field()) ? null : d.field(other.field()).orElse(null);
            if (target == null || target.kind() == FieldType.CHOICE || target.kind() == FieldType.YES_NO) {
                fail(at + ".other.field must name a text or number field of this form.");
            }
        }
    }

    private static void checkCondition(FormDefinition d, FormDefinition.@Nullable Condition c, String at) {
        if (c == null || blank(c.field()) || c.equals() == null) {
            fail(at + ": give a field and the answer it equals.");
        }
        var target = d.field(c.field()).orElse(null);
        if (target == null) {
            fail(at + ": there is no field \"" + c.field() + "\".");
        }
        var answers = answers(target);
        if (answers != null && !answers.contains(c.equals())) {
            fail(at + ": \"" + c.equals() + "\" is not an answer of " + c.field() + " (" + answers + ").");
        }
    }

    private static @Nullable List<String> answers(Field field) {
        return switch (field.kind()) {
            case YES_NO -> List.of("yes", "no");
            case CHOICE -> field.choices().stream().map(FormDefinition.Option::value).toList();
            default -> null;
        };
    }

    private static void checkRules(FormDefinition d) {
        Set<String> codes = new HashSet<>();
        var rules = d.ruleList();
        for (int i = 0; i < rules.size(); i++) {
            var r = rules.get(i);
            var at = "rules[" + (i + 1) + "]" + (r != null && r.code() != null ? " (" + r.code() + ")" : "");
            if (r == null || r.code() == null || !r.code().matches("[A-Z][A-Z0-9_]{1,59}")) {
                fail(at + ": code must be UPPER_SNAKE, such as \"MONITORED_AT_LEAST_120_MINUTES\".");
            }
            if (!codes.add(r.code())) {
                fail(at + ": the code is used by another rule.");
            }
            if (blank(r.message())) {
                fail(at + ": message is missing: say what is wrong and what to do.");
            }
            if (r.severity() != null && !List.of("error", "warning").contains(r.severity())) {
                fail(at + ": severity must be \"error\" or \"warning\".");
            }
            var field = blank(r.field()) ? null : d.field(r.field()).orElse(null);
            if (field == null) {
                fail(at + ": field \"" + r.field() + "\" is not a field of this form.");
            }
            int kinds = (r.atLeast() != null ? 1 : 0) + (r.notAfter() != null ? 1 : 0) + (r.equals() != null ? 1 : 0);
            if (kinds != 1) {
                fail(at + ": use exactly one of atLeast, notAfter or equals.");
            }
            if (r.atLeast() != null && field.kind() != FieldType.NUMBER) {
                fail(at + ": atLeast needs a number field; " + field.key() + " is " + field.type() + ".");
            }
            if (r.notAfter() != null) {
                var other = d.field(r.notAfter()).orElse(null);
                if (field.kind() != FieldType.DATE || other == null || other.kind() != FieldType.DATE) {
                    fail(at + ": notAfter compares two date fields of this form.");
                }
            }
            if (r.equals() != null) {
                var answers = answers(field);
                if (answers == null || !answers.contains(r.equals())) {
                    fail(at + ": equals needs a yes-no or choice field and one of its answers.");
                }
            }
            if (r.unless() != null) {
                checkCondition(d, r.unless(), at + ".unless");
            }
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static void fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
