// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.kapclinic.assessments.Instrument;

/**
 * An instrument of the catalogue as an R4 Questionnaire at {@code {canonical-base}/Questionnaire/{code}}, its version
 * the data file's. Items are integers limited to the instrument's answer values (the labels are listed in the
 * description, since an integer option carries no display); LOINC codes only where the data file has them (REFERENCE.md
 * 4.1, 4.2, 4.5). A conditional item ("asked when ...") is optional here rather than modelled with enableWhen.
 */
final class QuestionnaireFhirMapper {

    private QuestionnaireFhirMapper() {}

    static Questionnaire map(Instrument instrument, FhirSettings settings) {
        var q = new Questionnaire();
        q.setId(instrument.code());
        q.setUrl(settings.questionnaireUrl(instrument.code()));
        q.setVersion(instrument.version());
        q.setName(computableName(instrument.code()));
        q.setTitle(instrument.name());
        q.setStatus(PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        q.setPublisher("KAP Clinic");
        q.setDescription(instrument.recall() + " Answers: " + instrument.options().stream()
                .map(o -> o.value() + " = " + o.label()).collect(Collectors.joining("; ")) + ".");
        q.setCopyright(instrument.license() + " " + instrument.attribution());
        var panel = instrument.loinc().get("panel");
        if (panel != null) {
            q.addCode(new Coding(FhirCodes.LOINC, panel, null));
        }
        for (var item : instrument.items()) {
            var qi = q.addItem().setLinkId(item.id()).setText(item.text())
                    .setType(Questionnaire.QuestionnaireItemType.INTEGER).setRequired(item.requiredWhen() == null);
            itemLoinc(instrument, item).ifPresent(code -> qi.addCode(new Coding(FhirCodes.LOINC, code, null)));
            instrument.options().stream().filter(o -> o.value() >= item.min() && o.value() <= item.max())
                    .forEach(o -> qi.addAnswerOption().setValue(new IntegerType(o.value())));
        }
        return q;
    }

    /** The item's LOINC code: on the item itself (PHQ-9) or in the instrument's map as "q" + item (C-SSRS). */
    static Optional<String> itemLoinc(Instrument instrument, Instrument.Item item) {
        if (item.loinc() != null) {
            return Optional.of(item.loinc());
        }
        return Optional.ofNullable(instrument.loinc().get("q" + item.id()));
    }

    /** "qids-sr16" becomes "QIDSSR16": a name that starts upper case and holds letters and digits only (que-0). */
    static String computableName(String code) {
        var name = code.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return Character.isLetter(name.charAt(0)) ? name : "Q" + name;
    }
}
