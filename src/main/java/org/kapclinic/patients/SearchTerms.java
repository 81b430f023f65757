// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a person typed into the patient search box: nothing (list everyone), a date of birth (1984-03-07 or
 * 3/7/1984), an MRN (KC1000017), or a name ("smi", "ada smi", "Smith, Ada"). Anything else is {@link Kind#UNREADABLE}.
 */
record SearchTerms(Kind kind, @Nullable LocalDate dateOfBirth, @Nullable Mrn mrn, List<String> names, boolean familyFirst) {

    enum Kind { ALL, DATE_OF_BIRTH, MRN, NAME, UNREADABLE }

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");

    static SearchTerms parse(@Nullable String text) {
        var q = text == null ? "" : text.trim();
        if (q.isEmpty()) {
            return new SearchTerms(Kind.ALL, null, null, List.of(), false);
        }
        var date = parseDate(q);
        if (date.isPresent()) {
            return new SearchTerms(Kind.DATE_OF_BIRTH, date.get(), null, List.of(), false);
        }
        if (q.matches("(?i)(kc)?\\s*\\d+")) {
            return Mrn.parse(q.replace(" ", ""))
                    .map(m -> new SearchTerms(Kind.MRN, null, m, List.of(), false))
                    .orElse(new SearchTerms(Kind.UNREADABLE, null, null, List.of(), false));
        }
        boolean familyFirst = q.contains(",");
        var names = Arrays.stream(q.split("[\\s,]+")).map(SearchKey::of).filter(s -> !s.isEmpty()).limit(2).toList();
        if (names.isEmpty()) {
            return new SearchTerms(Kind.UNREADABLE, null, null, List.of(), false);
        }
        return new SearchTerms(Kind.NAME, null, null, names, familyFirst && names.size() == 2);
    }

    private static Optional<LocalDate> parseDate(String q) {
        try {
            if (q.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(q));
            }
            if (q.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return Optional.of(LocalDate.parse(q, US_DATE));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
