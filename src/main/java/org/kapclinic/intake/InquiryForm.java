// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The public inquiry form as the browser sends it. Field names match the API's, so errors land next to the same
 * fields; availability is a grid of day/part-of-day boxes ("TUE-evening"). {@code website} is the honeypot, and
 * {@code submissionToken} makes a double submit return the first inquiry.
 */
record InquiryForm(
        @Nullable String firstName, @Nullable String lastName, @Nullable String email, @Nullable String phone,
        @Nullable String preferredContact, @Nullable Boolean voicemailOk, @Nullable String state,
        @Nullable String dateOfBirth, @Nullable List<String> concerns, @Nullable String message,
        @Nullable String antidepressantsTried, @Nullable List<String> priorTreatments, @Nullable String interest,
        @Nullable String modality, @Nullable String therapistGender, @Nullable List<String> affirming,
        @Nullable String language, @Nullable String insurance, @Nullable List<String> availabilitySlots,
        @Nullable Boolean consentToContact, @Nullable String website, @Nullable String submissionToken) {

    /** Parts of the day a person can tick, in clinic time. */
    enum PartOfDay {
        MORNING("morning", LocalTime.of(8, 0), LocalTime.of(12, 0)),
        AFTERNOON("afternoon", LocalTime.of(12, 0), LocalTime.of(17, 0)),
        EVENING("evening", LocalTime.of(17, 0), LocalTime.of(20, 0));

        final String code;
        final LocalTime from;
        final LocalTime to;

        PartOfDay(String code, LocalTime from, LocalTime to) {
            this.code = code;
            this.from = from;
            this.to = to;
        }

        public String code() {
            return code;
        }

        public String hours() {
            return from + "–" + to;
        }

        public String label() {
            return code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1) + " (" + from + "–" + to + ")";
        }
    }

    static InquiryForm blank() {
        return new InquiryForm(null, null, null, null, "email", false, null, null, List.of(), null, null, List.of(),
                "not-sure", "either", "no-preference", List.of(), "English", null, List.of(), false, null,
                UUID.randomUUID().toString());
    }

    /** The API-shaped request; a non-number in the antidepressants box is reported on {@code errors}. */
    InquiryRequest toRequest(Errors errors) {
        Integer tried = null;
        if (antidepressantsTried != null && !antidepressantsTried.isBlank()) {
            try {
                tried = Integer.valueOf(antidepressantsTried.strip());
            } catch (NumberFormatException e) {
                errors.rejectValue("antidepressantsTried", "number", "Enter a whole number, e.g. 2, or leave it empty.");
            }
        }
        var windows = new ArrayList<InquiryRequest.Window>();
        for (var slot : availabilitySlots == null ? List.<String>of() : availabilitySlots) {
            var parts = slot.split("-", 2);
            var part = parts.length == 2 ? partOf(parts[1]) : null;
            if (part == null || !isDay(parts[0])) {
                errors.rejectValue("availabilitySlots", "slot", "Choose times from the grid.");
                break;
            }
            windows.add(new InquiryRequest.Window(parts[0], part.from.toString(), part.to.toString()));
        }
        return new InquiryRequest(firstName, lastName, email, phone, preferredContact, voicemailOk, state, dateOfBirth,
                concerns, message, tried, priorTreatments, interest, modality, therapistGender, affirming, language,
                insurance, windows, consentToContact);
    }

    /** The API's field name for a form field, and back: only availability differs. */
    static String formField(String requestField) {
        return requestField.startsWith("availability") ? "availabilitySlots" : requestField.replaceAll("\\[\\d+]$", "");
    }

    private static @Nullable PartOfDay partOf(String code) {
        for (var p : PartOfDay.values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        return null;
    }

    private static boolean isDay(String text) {
        for (var d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equals(text)) {
                return true;
            }
        }
        return false;
    }

    boolean honeypotFilled() {
        return website != null && !website.isBlank();
    }
}
