// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.WeeklyWindow;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Coded;
import org.kapclinic.vocabulary.Concern;
import org.kapclinic.vocabulary.ContactMethod;
import org.kapclinic.vocabulary.GenderPreference;
import org.kapclinic.vocabulary.Interest;
import org.kapclinic.vocabulary.Modality;
import org.kapclinic.vocabulary.PriorTreatment;
import org.kapclinic.vocabulary.UsState;
import org.springframework.validation.Errors;

/**
 * The checks an annotation cannot make: one contact route and a preferred method that uses it, a real state, a
 * plausible date of birth, known codes, well-formed time windows, and consent. Messages speak to the person.
 */
final class InquiryRules {

    private InquiryRules() {}

    /** Adds field errors for what is wrong; returns the typed inquiry when nothing is. */
    static @Nullable NewInquiry check(InquiryRequest r, LocalDate today, Errors errors) {
        var email = clean(r.email());
        var phone = clean(r.phone());
        if (email == null && phone == null) {
            errors.rejectValue("email", "contact", "Give an email address or a phone number so we can reach you.");
        }
        var contact = code(ContactMethod.class, r.preferredContact(), "preferredContact",
                "Choose how you would like us to contact you.", errors);
        if (contact == ContactMethod.EMAIL && email == null && phone != null) {
            errors.rejectValue("preferredContact", "route", "You chose email: please also give your email address.");
        }
        if ((contact == ContactMethod.PHONE || contact == ContactMethod.TEXT) && phone == null && email != null) {
            errors.rejectValue("preferredContact", "route", "You chose phone or text: please also give your phone number.");
        }
        if (contact == null && !errors.hasFieldErrors("preferredContact")) {
            contact = email != null ? ContactMethod.EMAIL : ContactMethod.PHONE;
        }
        UsState state = null;
        if (clean(r.state()) == null) {
            errors.rejectValue("state", "required", "Choose the US state where you live.");
        } else {
            state = UsState.fromCode(r.state()).orElse(null);
            if (state == null) {
                errors.rejectValue("state", "state", "Choose a US state from the list (two letters, e.g. AZ).");
            }
        }
        var dob = dateOfBirth(r.dateOfBirth(), today, errors);
        var concerns = codes(Concern.class, r.concerns(), "concerns", errors);
        var prior = codes(PriorTreatment.class, r.priorTreatments(), "priorTreatments", errors);
        var affirming = codes(AffirmingTag.class, r.affirming(), "affirming", errors);
        var interest = orDefault(code(Interest.class, r.interest(), "interest", "Choose from the list.", errors), Interest.NOT_SURE);
        var modality = orDefault(code(Modality.class, r.modality(), "modality", "Choose from the list.", errors), Modality.EITHER);
        var gender = orDefault(code(GenderPreference.class, r.therapistGender(), "therapistGender", "Choose from the list.",
                errors), GenderPreference.NO_PREFERENCE);
        var windows = windows(r.availability(), errors);
        if (!Boolean.TRUE.equals(r.consentToContact())) {
            errors.rejectValue("consentToContact", "consent",
                    "Tick the box to let us contact you; without it we cannot reply.");
        }
        if (errors.hasErrors() || contact == null || state == null || dob == null) {
            return null;
        }
        return new NewInquiry(clean(r.firstName()).strip(), clean(r.lastName()).strip(),
                email == null ? null : email.toLowerCase(Locale.ROOT), phone, contact,
                Boolean.TRUE.equals(r.voicemailOk()), state, dob, concerns, clean(r.message()), r.antidepressantsTried(),
                prior, interest, modality, gender, affirming, clean(r.language()), clean(r.insurance()), windows);
    }

    private static @Nullable LocalDate dateOfBirth(@Nullable String text, LocalDate today, Errors errors) {
        if (clean(text) == null) {
            errors.rejectValue("dateOfBirth", "required", "Enter your date of birth.");
            return null;
        }
        try {
            var dob = LocalDate.parse(text.strip());
            if (!dob.isBefore(today)) {
                errors.rejectValue("dateOfBirth", "past", "The date of birth must be in the past.");
                return null;
            }
            if (dob.isBefore(today.minusYears(120))) {
                errors.rejectValue("dateOfBirth", "plausible", "Check the year: that is more than 120 years ago.");
                return null;
            }
            return dob;
        } catch (DateTimeParseException e) {
            errors.rejectValue("dateOfBirth", "format", "Enter the date as YYYY-MM-DD, e.g. 1990-04-17.");
            return null;
        }
    }

    private static List<WeeklyWindow> windows(@Nullable List<InquiryRequest.Window> given, Errors errors) {
        var result = new ArrayList<WeeklyWindow>();
        if (given == null) {
            return result;
        }
        for (var w : given) {
            try {
                result.add(new WeeklyWindow(WeeklyWindow.dayOf(String.valueOf(w.day())), LocalTime.parse(String.valueOf(w.from())),
                        LocalTime.parse(String.valueOf(w.to()))));
            } catch (RuntimeException e) {
                errors.rejectValue("availability", "window",
                        "Each time window needs a day (MON to SUN) and a start before its end, as HH:MM.");
                return List.of();
            }
        }
        result.sort(null);
        return result;
    }

    private static <E extends Enum<E> & Coded> @Nullable E code(Class<E> type, @Nullable String text, String field,
            String message, Errors errors) {
        if (clean(text) == null) {
            return null;
        }
        var value = Coded.find(type, text);
        if (value.isEmpty()) {
            errors.rejectValue(field, "code", message);
            return null;
        }
        return value.get();
    }

    private static <E extends Enum<E> & Coded> Set<E> codes(Class<E> type, @Nullable List<String> given, String field,
            Errors errors) {
        var set = EnumSet.noneOf(type);
        if (given == null) {
            return set;
        }
        for (var text : given) {
            var value = text == null ? java.util.Optional.<E>empty() : Coded.find(type, text);
            if (value.isEmpty()) {
                errors.rejectValue(field, "code", "Choose from the list.");
                return set;
            }
            set.add(value.get());
        }
        return set;
    }

    private static <T> T orDefault(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }

    static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
