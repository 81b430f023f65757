// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.kapclinic.patients.PatientDemographics.Demographics;
import org.kapclinic.patients.SexAssignedAtBirth;

/**
 * A patient record as an R4 Patient: MRN, legal and preferred names, birth date, contacts, emergency contact and care
 * team. Base R4 has only administrative gender; sex assigned at birth maps to it (intersex to "other", unknown or
 * declined to "unknown"), and the gender identity the patient gave is not sent (US Core's extensions are not in base R4).
 */
final class PatientFhirMapper {

    private PatientFhirMapper() {}

    static Patient map(Demographics d, FhirSettings settings, StaffIndex staff) {
        var p = new Patient();
        p.setId(d.id().value().toString());
        p.getMeta().setLastUpdated(Date.from(d.updatedAt()));
        p.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(settings.mrnSystem()).setValue(d.mrn())
                .setType(FhirCodes.concept(FhirCodes.IDENTIFIER_TYPE, "MR", "Medical record number"));
        p.setActive(!d.voided());
        var details = d.details();
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(details.legalFamilyName())
                .addGiven(details.legalGivenName());
        if (details.preferredName() != null) {
            p.addName().setUse(HumanName.NameUse.USUAL).setFamily(details.legalFamilyName())
                    .addGiven(details.preferredName());
        }
        if (details.dateOfBirth() != null) {
            p.setBirthDateElement(new DateType(details.dateOfBirth().toString()));
        }
        p.setGender(gender(details.sexAssignedAtBirth()));
        if (details.phone() != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(details.phone());
        }
        if (details.email() != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(details.email());
        }
        if (details.addressLine1() != null || details.city() != null || details.postalCode() != null) {
            var address = p.addAddress().setUse(Address.AddressUse.HOME).setCity(details.city())
                    .setPostalCode(details.postalCode()).setCountry("US");
            if (details.addressLine1() != null) {
                address.addLine(details.addressLine1());
            }
            if (details.addressLine2() != null) {
                address.addLine(details.addressLine2());
            }
            if (details.state() != null) {
                address.setState(details.state().name());
            }
        }
        if (details.emergencyContactName() != null) {
            var contact = p.addContact().setName(new HumanName().setText(details.emergencyContactName()));
            if (details.emergencyContactRelationship() != null) {
                contact.addRelationship(new CodeableConcept().setText(details.emergencyContactRelationship()));
            }
            if (details.emergencyContactPhone() != null) {
                contact.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue(details.emergencyContactPhone());
            }
        }
        if (details.preferredLanguage() != null) {
            p.addCommunication().setLanguage(new CodeableConcept().setText(details.preferredLanguage()));
        }
        for (var member : new java.util.UUID[] {d.therapistId(), d.prescriberId()}) {
            var ref = staff.reference(member);
            if (ref != null) {
                p.addGeneralPractitioner(ref);
            }
        }
        return p;
    }

    private static AdministrativeGender gender(@org.jspecify.annotations.Nullable SexAssignedAtBirth sex) {
        if (sex == null) {
            return AdministrativeGender.UNKNOWN;
        }
        return switch (sex) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case INTERSEX -> AdministrativeGender.OTHER;
            case UNKNOWN, DECLINED -> AdministrativeGender.UNKNOWN;
        };
    }
}
