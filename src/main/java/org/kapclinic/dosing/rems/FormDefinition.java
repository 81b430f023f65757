// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One version of the Patient Monitoring Form, as read from {@code rems/pmf-<version>.json} and checked by
 * {@link FormDefinitionValidation}: sections of fields, each with its label, type and where its value comes from
 * (a session fact or the setting's certification), and the cross-field rules a signed form must meet. Adding a
 * version is adding a file (ADR 017).
 *
 * @param effectiveFrom ISO date from which new forms use this version (unless {@code kap.rems.form-version} pins one)
 * @param source where the wording comes from and how sure it is
 */
public record FormDefinition(String version, String title, String effectiveFrom, @Nullable String source,
        List<Section> sections, @Nullable List<Rule> rules) {

    /** What a field holds and how it is entered. */
    public enum FieldType {
        TEXT("text"), DATE("date"), TIME("time"), YES_NO("yes-no"), NUMBER("number"), CHOICE("choice");

        private final String code;

        FieldType(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<FieldType> fromCode(@Nullable String code) {
            return Stream.of(values()).filter(t -> t.code.equals(code)).findFirst();
        }
    }

    public record Section(String key, String title, @Nullable String help, List<Field> fields) {}

    /**
     * A field of the form. {@code fact} names the session fact that fills it ({@code RemsMonitoringForms.fill}),
     * {@code setting} the certification value ({@link Certification#value(String)}); a field with neither is entered
     * by the clinician. {@code requiredWhen} makes it required when another field has a given answer; {@code other}
     * routes a fact that is not one of the options to the "other" option and its free field.
     */
    public record Field(String key, String label, String type, @Nullable Boolean required,
            @Nullable Condition requiredWhen, @Nullable String fact, @Nullable String setting, @Nullable String help,
            @Nullable List<Option> options, @Nullable OtherOption other, @Nullable Integer min, @Nullable Integer max,
            @Nullable Integer maxLength, @Nullable String pattern, @Nullable String patternHint) {

        public FieldType kind() {
            return FieldType.fromCode(type).orElseThrow();
        }

        public boolean alwaysRequired() {
            return Boolean.TRUE.equals(required);
        }

        public List<Option> choices() {
            return options == null ? List.of() : options;
        }

        public int maxChars() {
            return maxLength == null ? 200 : maxLength;
        }

        /** The label of an option value, or the value itself. */
        public String optionLabel(String value) {
            return choices().stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
        }
    }

    public record Option(String value, String label) {}

    /** {@code field}'s value equals {@code equals}. */
    public record Condition(String field, String equals) {}

    /** A fact that is not one of the options selects {@code value} and goes into {@code field}. */
    public record OtherOption(String value, String field) {}

    /**
     * A rule over answered fields: {@code atLeast} (a number's minimum), {@code notAfter} (a date not after another
     * field's date) or {@code equals} (the expected answer). It does not apply while {@code unless} holds. An
     * "error" (the default) blocks sign-off; a "warning" is shown.
     */
    public record Rule(String code, String field, @Nullable Integer atLeast, @Nullable String notAfter,
            @Nullable String equals, @Nullable Condition unless, @Nullable String severity, String message) {

        public boolean blocking() {
            return severity == null || "error".equals(severity.toLowerCase(Locale.ROOT));
        }
    }

    public LocalDate effectiveDate() {
        return LocalDate.parse(effectiveFrom);
    }

    public List<Rule> ruleList() {
        return rules == null ? List.of() : rules;
    }

    public Stream<Field> fields() {
        return sections.stream().flatMap(s -> s.fields().stream());
    }

    public Optional<Field> field(String key) {
        return fields().filter(f -> f.key().equals(key)).findFirst();
    }
}
