// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The form definitions are data: every installed file loads and passes the checks, a version is chosen by its
 * effective date (or pinned), and a bad file is refused with a message naming the file and the part that is wrong.
 */
class FormDefinitionTests {

    static final List<FormDefinition> INSTALLED = FormDefinitions.load(FormDefinitions.LOCATION);

    @Test
    void everyInstalledVersionLoadsOldestFirst() {
        assertThat(INSTALLED).extracting(FormDefinition::version).containsExactly("2021", "2023");
        var current = INSTALLED.get(1);
        assertThat(current.fields().map(FormDefinition.Field::key)).contains("meds.opioids", "pulseOximetry.lowest",
                "respiratoryDepression.occurred", "seriousAdverseEvent.description", "setting.certificationId");
        assertThat(INSTALLED.get(0).field("meds.opioids")).isEmpty();
    }

    @ParameterizedTest(name = "a treatment on {0} uses version {1}")
    @CsvSource({"2021-10-31, 2021", "2021-11-01, 2021", "2022-12-31, 2021", "2023-01-01, 2023", "2026-11-26, 2023"})
    void aNewFormUsesTheVersionInEffectOnTheTreatmentDate(LocalDate day, String version) {
        assertThat(new FormDefinitions(INSTALLED, "").forTreatmentOn(day).version()).isEqualTo(version);
    }

    @Test
    void aPinnedVersionWinsAndAnUnknownPinStopsStartUp() {
        assertThat(new FormDefinitions(INSTALLED, "2021").forTreatmentOn(LocalDate.of(2026, 1, 5)).version())
                .isEqualTo("2021");
        assertThatThrownBy(() -> new FormDefinitions(INSTALLED, "2030"))
                .hasMessageContaining("kap.rems.form-version=2030").hasMessageContaining("[2021, 2023]");
    }

    @Test
    void twoVersionsTakingEffectTheSameDayAreRefused() {
        var a = FormDefinitions.parse("a.json", minimal("2024", "2024-01-01", field("patient.firstName", "text")));
        var b = FormDefinitions.parse("b.json", minimal("2025", "2024-01-01", field("patient.firstName", "text")));
        assertThatThrownBy(() -> new FormDefinitions(List.of(a, b), "")).hasMessageContaining("same day");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown type           | {"key": "session.lot", "label": "Lot", "type": "txt"}                              | sections[1].fields[1] (session.lot): type "txt" must be one of text, date, time, yes-no, number, choice
            bad key                | {"key": "Lot", "label": "Lot", "type": "text"}                                     | sections[1].fields[1] (Lot): key must be dotted camelCase
            missing label          | {"key": "session.lot", "type": "text"}                                             | (session.lot): label is missing
            choice without options | {"key": "patient.sex", "label": "Sex", "type": "choice"}                           | (patient.sex): a choice needs at least two options
            min above max          | {"key": "session.devices", "label": "Devices", "type": "number", "min": 5, "max": 1} | (session.devices): min (5) is above max (1)
            unknown setting        | {"key": "setting.name", "label": "Name", "type": "text", "setting": "nickname"}    | (setting.name): setting "nickname" must be one of
            bad pattern            | {"key": "bp.before", "label": "BP", "type": "text", "pattern": "[0-9", "patternHint": "x"} | (bp.before): pattern is not a regular expression
            pattern without hint   | {"key": "bp.before", "label": "BP", "type": "text", "pattern": "[0-9]+"}           | (bp.before): a pattern needs a patternHint
            misspelt property      | {"key": "session.lot", "label": "Lot", "type": "text", "requird": true}            | not readable
            fact and setting       | {"key": "setting.name", "label": "Name", "type": "text", "fact": "a.b", "setting": "city"} | from a fact or from a setting, not both
            """)
    void aBadFieldIsRefusedNamingTheFileAndThePart(String what, String field, String expected) {
        assertThatThrownBy(() -> FormDefinitions.parse("rems/pmf-2099.json", minimal("2099", "2099-01-01", field)))
                .as(what).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("rems/pmf-2099.json: ").hasMessageContaining(expected);
    }

    @Test
    void aConditionOrRuleNamingAnUnknownFieldOrAnswerIsRefused() {
        var dependent = "{\"key\": \"sedation.resolved\", \"label\": \"Resolved\", \"type\": \"yes-no\","
                + " \"requiredWhen\": {\"field\": \"sedation.occured\", \"equals\": \"yes\"}}";
        assertThatThrownBy(() -> FormDefinitions.parse("x.json", minimal("9", "2099-01-01", dependent)))
                .hasMessageContaining("field sedation.resolved.requiredWhen: there is no field \"sedation.occured\"");

        var answers = "{\"key\": \"sedation.occurred\", \"label\": \"Sedation\", \"type\": \"yes-no\"}, "
                + "{\"key\": \"sedation.resolved\", \"label\": \"Resolved\", \"type\": \"yes-no\","
                + " \"requiredWhen\": {\"field\": \"sedation.occurred\", \"equals\": \"maybe\"}}";
        assertThatThrownBy(() -> FormDefinitions.parse("x.json", minimal("9", "2099-01-01", answers)))
                .hasMessageContaining("\"maybe\" is not an answer of sedation.occurred ([yes, no])");

        var rule = minimal("9", "2099-01-01", field("session.lot", "text")).replace("\"rules\": []",
                "\"rules\": [{\"code\": \"AT_LEAST\", \"field\": \"session.lot\", \"atLeast\": 120, \"message\": \"m\"}]");
        assertThatThrownBy(() -> FormDefinitions.parse("x.json", rule))
                .hasMessageContaining("rules[1] (AT_LEAST): atLeast needs a number field; session.lot is text.");
    }

    @Test
    void aFileNamedForAnotherVersionAndAnEmptySectionListAreRefused() {
        assertThatThrownBy(() -> FormDefinitions.parse("rems/pmf-2024.json",
                minimal("2025", "2025-01-01", field("session.lot", "text"))))
                .hasMessageContaining("version \"2025\" belongs in rems/pmf-2025.json");
        assertThatThrownBy(() -> FormDefinitions.parse("x.json",
                "{\"version\": \"1\", \"title\": \"t\", \"effectiveFrom\": \"2025-13-01\", \"sections\": []}"))
                .hasMessageContaining("effectiveFrom: \"2025-13-01\" is not a date");
    }

    @Test
    void theCheckNamesMissingFieldsAndAppliesRequiredWhenAndRules() {
        var d = INSTALLED.get(1);
        var values = new java.util.HashMap<>(FormFiller.autoValues(d, RemsFixtures.completeFacts(LocalDate.of(2026,
                11, 3)), Optional.empty()));
        values.values().removeIf(java.util.Objects::isNull);
        var check = FormCheck.of(d, values);
        assertThat(check.missing()).extracting(FormCheck.Missing::label).containsExactly("Healthcare setting name",
                "REMS certification ID", "Address 1", "City", "State", "ZIP");
        values.put("sedation.occurred", "yes");
        values.remove("sedation.resolved");
        values.put("session.leftAgainstMedicalAdvice", "no");
        values.put("session.totalMonitoringMinutes", "95");
        check = FormCheck.of(d, values);
        assertThat(check.missingLabels()).contains("Sedation resolved before the patient left?");
        assertThat(check.problems()).extracting(FormCheck.Problem::field).contains("session.totalMonitoringMinutes");
        assertThat(check.signable()).isFalse();

        // left against medical advice: the 120 minutes do not apply, but the departure must be explained
        values.put("session.leftAgainstMedicalAdvice", "yes");
        check = FormCheck.of(d, values);
        assertThat(check.problems()).extracting(FormCheck.Problem::field).doesNotContain("session.totalMonitoringMinutes");
        assertThat(check.missingLabels()).contains("Explain the early departure");
    }

    @Test
    void aDoseThatIsNotAnOptionGoesToOtherWithItsAmount() {
        var d = INSTALLED.get(1);
        var autos = FormFiller.autoValues(d, Map.of("session.doseMg", "28"), Optional.empty());
        assertThat(autos).containsEntry("session.dose", "other").containsEntry("session.doseOtherMg", "28");
        autos = FormFiller.autoValues(d, Map.of("session.doseMg", "84"), Optional.empty());
        assertThat(autos).containsEntry("session.dose", "84").containsEntry("session.doseOtherMg", null);
    }

    private static String field(String key, String type) {
        return "{\"key\": \"" + key + "\", \"label\": \"L\", \"type\": \"" + type + "\"}";
    }

    private static String minimal(String version, String effective, String fields) {
        return """
                {"version": "%s", "title": "Test form", "effectiveFrom": "%s",
                 "sections": [{"key": "s", "title": "Section", "fields": [%s]}], "rules": []}""".formatted(version,
                effective, fields);
    }
}
