// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import org.kapclinic.vocabulary.UsState;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The demographic part of a patient record, as staff enter it on the form or a program sends it to the API. Blank
 * optional fields are stored as empty (null).
 */
public record PatientDetails(
        @NotBlank(message = "Enter the legal first name.") @Size(max = 100, message = "Use at most 100 characters.") @Nullable String legalGivenName,
        @NotBlank(message = "Enter the legal last name.") @Size(max = 100, message = "Use at most 100 characters.") @Nullable String legalFamilyName,
        @Size(max = 100, message = "Use at most 100 characters.") @Nullable String preferredName,
        @Size(max = 40, message = "Use at most 40 characters.") @Nullable String pronouns,
        @NotNull(message = "Enter the date of birth.") @Past(message = "The date of birth must be in the past.")
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dateOfBirth,
        @NotNull(message = "Choose the sex assigned at birth (or 'Chose not to answer').") @Nullable SexAssignedAtBirth sexAssignedAtBirth,
        @Size(max = 100, message = "Use at most 100 characters.") @Nullable String genderIdentity,
        @Pattern(regexp = "^$|^[0-9+()\\-. ]{7,30}$", message = "Enter a phone number, e.g. 555-010-0199.") @Nullable String phone,
        @Email(message = "Enter an email address like name@example.org.") @Size(max = 254) @Nullable String email,
        @Size(max = 200, message = "Use at most 200 characters.") @Nullable String addressLine1,
        @Size(max = 200, message = "Use at most 200 characters.") @Nullable String addressLine2,
        @Size(max = 100, message = "Use at most 100 characters.") @Nullable String city,
        @Nullable UsState state,
        @Pattern(regexp = "^$|^\\d{5}(-\\d{4})?$", message = "Enter a ZIP code: 5 digits, or ZIP+4.") @Nullable String postalCode,
        @Size(max = 200, message = "Use at most 200 characters.") @Nullable String emergencyContactName,
        @Pattern(regexp = "^$|^[0-9+()\\-. ]{7,30}$", message = "Enter a phone number, e.g. 555-010-0199.") @Nullable String emergencyContactPhone,
        @Size(max = 60, message = "Use at most 60 characters.") @Nullable String emergencyContactRelationship,
        @Size(max = 60, message = "Use at most 60 characters.") @Nullable String preferredLanguage) {

    /** An empty form. */
    public static PatientDetails blank() {
        return new PatientDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** Trims text and turns blanks into null, so "" and null mean the same thing everywhere. */
    PatientDetails normalised() {
        return new PatientDetails(clean(legalGivenName), clean(legalFamilyName), clean(preferredName), clean(pronouns),
                dateOfBirth, sexAssignedAtBirth, clean(genderIdentity), clean(phone),
                email == null || email.isBlank() ? null : email.trim().toLowerCase(java.util.Locale.ROOT),
                clean(addressLine1), clean(addressLine2), clean(city), state, clean(postalCode),
                clean(emergencyContactName), clean(emergencyContactPhone), clean(emergencyContactRelationship),
                clean(preferredLanguage));
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
