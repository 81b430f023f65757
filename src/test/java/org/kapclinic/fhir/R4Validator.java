// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * One base-R4 validator for the whole test run (the first validation loads the structure definitions, 10-15 s;
 * STACK.md 5). Offline: no remote terminology. Questionnaires are resolved from {@link #QUESTIONNAIRES}, since HAPI's
 * pre-populated support ignores Questionnaire (the STACK.md gotcha), so a QuestionnaireResponse is checked against
 * the items and answer options of the Questionnaire it names.
 */
public final class R4Validator {

    static final Map<String, Questionnaire> QUESTIONNAIRES = new ConcurrentHashMap<>();

    private static volatile FhirValidator validator;

    private R4Validator() {}

    public static void register(Questionnaire q) {
        QUESTIONNAIRES.put(q.getUrl(), q);
        QUESTIONNAIRES.put(q.getUrl() + "|" + q.getVersion(), q);
    }

    /** The errors (and fatals) the validator reports for this resource; empty when it is valid base R4. */
    public static List<String> errors(IBaseResource resource) {
        return validator().validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(R4Validator::describe).toList();
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }

    private static FhirValidator validator() {
        if (validator == null) {
            synchronized (R4Validator.class) {
                if (validator == null) {
                    var ctx = FhirContext.forR4Cached();
                    var chain = new ValidationSupportChain(new QuestionnaireSupport(ctx),
                            new DefaultProfileValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx),
                            new InMemoryTerminologyServerValidationSupport(ctx),
                            new SnapshotGeneratingValidationSupport(ctx));
                    var v = ctx.newValidator();
                    v.registerValidatorModule(new FhirInstanceValidator(chain));
                    validator = v;
                }
            }
        }
        return validator;
    }

    /** Answers the validator's questions about a Questionnaire from {@link #QUESTIONNAIRES}. */
    private record QuestionnaireSupport(FhirContext ctx) implements IValidationSupport {

        @Override
        public FhirContext getFhirContext() {
            return ctx;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            if (type == null || type.isAssignableFrom(Questionnaire.class)) {
                var q = QUESTIONNAIRES.get(url);
                if (q != null) {
                    return (T) q;
                }
            }
            return null;
        }
    }
}
