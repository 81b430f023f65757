// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The FHIR API's settings (README settings table). {@code canonicalBase} names the clinic's own canonical URLs:
 * questionnaires, the local code systems for instruments without a confirmed LOINC code, and the MRN identifier
 * system. It must stay the same for the life of the clinic, since other systems keep these URLs.
 */
@Component
class FhirSettings {

    private final String canonicalBase;
    private final int defaultPageSize;
    private final int maxPageSize;
    private final Duration bulkRetention;

    FhirSettings(@Value("${kap.fhir.canonical-base:https://kapclinic.example/fhir}") String canonicalBase,
            @Value("${kap.fhir.page-size:50}") int defaultPageSize, @Value("${kap.fhir.max-page-size:200}") int maxPageSize,
            @Value("${kap.fhir.bulk-export.retention:PT1H}") Duration bulkRetention) {
        this.canonicalBase = canonicalBase.endsWith("/") ? canonicalBase.substring(0, canonicalBase.length() - 1)
                : canonicalBase;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
        this.bulkRetention = bulkRetention;
    }

    String canonicalBase() {
        return canonicalBase;
    }

    int defaultPageSize() {
        return defaultPageSize;
    }

    int maxPageSize() {
        return maxPageSize;
    }

    Duration bulkRetention() {
        return bulkRetention;
    }

    String questionnaireUrl(String instrument) {
        return canonicalBase + "/Questionnaire/" + instrument;
    }

    /** The clinic's code system for scores and items of instruments that have no confirmed LOINC code. */
    String instrumentCodeSystem() {
        return canonicalBase + "/CodeSystem/instrument-measures";
    }

    String alertTriggerCodeSystem() {
        return canonicalBase + "/CodeSystem/safety-alert-trigger";
    }

    String mrnSystem() {
        return canonicalBase + "/NamingSystem/mrn";
    }
}
