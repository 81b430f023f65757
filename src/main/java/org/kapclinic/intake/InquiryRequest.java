// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An inquiry as the public API receives it (POST /api/v1/inquiries) and the form hands it on. Codes are kebab-case.
 * Only the name, one contact route, the state, the date of birth and the consent are required.
 */
public record InquiryRequest(
        @NotBlank(message = "Enter your first name.") @Size(max = 100, message = "Use at most 100 characters.") @Nullable String firstName,
        @NotBlank(message = "Enter your last name.") @Size(max = 100, message = "Use at most 100 characters.") @Nullable String lastName,
        @Email(message = "Enter an email address like name@example.org.") @Size(max = 254, message = "Use at most 254 characters.") @Nullable String email,
        @Pattern(regexp = "^$|^[0-9+()\\-. ]{7,30}$", message = "Enter a phone number, e.g. 602-555-0199.") @Nullable String phone,
        @Size(max = 10, message = "Choose from the list.") @Nullable String preferredContact,
        @Nullable Boolean voicemailOk,
        @Size(max = 2, message = "Choose a US state from the list (two letters, e.g. AZ).") @Nullable String state,
        @Size(max = 10, message = "Enter the date as YYYY-MM-DD, e.g. 1990-04-17.") @Nullable String dateOfBirth,
        @Size(max = 9, message = "Choose from the list.") @Nullable List<String> concerns,
        @Size(max = 4000, message = "Use at most 4000 characters; you can tell us more when we talk.") @Nullable String message,
        @Min(value = 0, message = "Enter 0 or more.") @Max(value = 30, message = "Enter a number up to 30.") @Nullable Integer antidepressantsTried,
        @Size(max = 3, message = "Choose from the list.") @Nullable List<String> priorTreatments,
        @Size(max = 20, message = "Choose from the list.") @Nullable String interest,
        @Size(max = 20, message = "Choose from the list.") @Nullable String modality,
        @Size(max = 20, message = "Choose from the list.") @Nullable String therapistGender,
        @Size(max = 10, message = "Choose from the list.") @Nullable List<String> affirming,
        @Size(max = 60, message = "Use at most 60 characters.") @Nullable String language,
        @Size(max = 100, message = "Use at most 100 characters.") @Nullable String insurance,
        @Size(max = 21, message = "List at most 21 time windows.") @Nullable List<@Valid Window> availability,
        @Nullable Boolean consentToContact) {

    /** A weekly time window when the person can be reached or seen: {"day":"TUE","from":"17:00","to":"20:00"}. */
    public record Window(@Nullable String day, @Nullable String from, @Nullable String to) {}
}
