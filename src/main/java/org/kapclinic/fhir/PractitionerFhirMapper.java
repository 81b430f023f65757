// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Practitioner;
import org.kapclinic.security.AccountSummary;

/** A clinician's account as an R4 Practitioner: the name the clinic shows; no contact details leave the clinic. */
final class PractitionerFhirMapper {

    private PractitionerFhirMapper() {}

    static Practitioner map(AccountSummary account) {
        var p = new Practitioner();
        p.setId(account.id().value().toString());
        p.setActive(account.enabled());
        p.addName(new HumanName().setText(account.displayName()));
        return p;
    }
}
