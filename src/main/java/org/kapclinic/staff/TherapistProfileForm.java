// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.WeeklyWindow;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Concern;
import org.kapclinic.vocabulary.UsState;
import org.springframework.validation.Errors;

/**
 * The therapist profile as the edit page holds it: lists are typed as text ("AZ, NM"; one availability window per
 * line, "Tue 17:00-20:00") so nothing typed is lost when one entry is wrong.
 */
public record TherapistProfileForm(
        @NotBlank(message = "Enter credentials, e.g. LMFT.") @Size(max = 100, message = "Use at most 100 characters.") @Nullable String credentials,
        @Nullable Set<Concern> focus,
        @Nullable Boolean kapTrained,
        @NotBlank(message = "Enter at least one state where the license is valid, e.g. AZ.") @Size(max = 200, message = "Use at most 200 characters.") @Nullable String licensedStates,
        @Nullable Boolean telehealth,
        @Size(max = 300, message = "Use at most 300 characters.") @Nullable String inPersonLocations,
        @NotBlank(message = "Enter at least one language, e.g. English.") @Size(max = 200, message = "Use at most 200 characters.") @Nullable String languages,
        @Nullable String gender,
        @Nullable Set<AffirmingTag> affirming,
        @Size(max = 500, message = "Use at most 500 characters.") @Nullable String insurancePanels,
        @Nullable Boolean acceptingNewClients,
        @Size(max = 1000, message = "Use at most 1000 characters.") @Nullable String availability,
        @NotNull(message = "Enter the caseload limit as a whole number, e.g. 20.") @Min(value = 0, message = "Use 0 or more.") @Max(value = 500, message = "Use at most 500.") @Nullable Integer caseloadLimit,
        @Size(max = 2000, message = "Use at most 2000 characters.") @Nullable String bio,
        @Nullable Long version) {

    static final Set<String> GENDERS = Set.of("woman", "man", "nonbinary");

    static TherapistProfileForm of(TherapistProfile p) {
        return new TherapistProfileForm(p.credentials(), p.focus(), p.kapTrained(), String.join(", ", p.licensedStates()),
                p.telehealth(), String.join(", ", p.inPersonLocations()), String.join(", ", p.languages()), p.gender(),
                p.affirming(), String.join(", ", p.insurancePanels()), p.acceptingNewClients(),
                p.availability().stream().map(WeeklyWindow::label).collect(Collectors.joining("\n")), p.caseloadLimit(),
                p.bio(), p.version());
    }

    /** Checks what annotations cannot: each state code, each window, and that a client can be seen somewhere. */
    void validate(Errors errors) {
        for (var code : list(licensedStates)) {
            if (UsState.fromCode(code).isEmpty()) {
                errors.rejectValue("licensedStates", "state", "'" + code + "' is not a US state code. Use two letters, e.g. AZ.");
                break;
            }
        }
        for (var line : lines(availability)) {
            try {
                WeeklyWindow.parse(line);
            } catch (RuntimeException e) {
                errors.rejectValue("availability", "window",
                        "'" + line + "' is not a weekly window. Write one per line, like Tue 17:00-20:00.");
                break;
            }
        }
        if (gender != null && !gender.isBlank() && !GENDERS.contains(gender)) {
            errors.rejectValue("gender", "gender", "Choose a gender from the list, or leave it unsaid.");
        }
        if (!Boolean.TRUE.equals(telehealth) && list(inPersonLocations).isEmpty()) {
            errors.rejectValue("inPersonLocations", "modality",
                    "Offer telehealth or name at least one in-person location, or no one can be matched.");
        }
    }

    TherapistProfile toProfile(org.kapclinic.security.UserId user, String name) {
        return new TherapistProfile(user, name, credentials == null ? "" : credentials.strip(),
                focus == null || focus.isEmpty() ? EnumSet.noneOf(Concern.class) : EnumSet.copyOf(focus),
                Boolean.TRUE.equals(kapTrained), list(licensedStates).stream().map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList(),
                Boolean.TRUE.equals(telehealth), list(inPersonLocations), list(languages), gender == null || gender.isBlank() ? null : gender,
                affirming == null ? Set.of() : Set.copyOf(affirming), list(insurancePanels), Boolean.TRUE.equals(acceptingNewClients),
                lines(availability).stream().map(WeeklyWindow::parse).sorted().toList(),
                caseloadLimit == null ? 0 : caseloadLimit, bio == null || bio.isBlank() ? null : bio.strip(), versionOrZero());
    }

    long versionOrZero() {
        return version == null ? 0 : version;
    }

    static List<String> list(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        var items = new LinkedHashSet<String>();
        for (var part : text.split("[,;\\n]")) {
            if (!part.isBlank()) {
                items.add(part.strip());
            }
        }
        return new ArrayList<>(items);
    }

    static List<String> lines(@Nullable String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
