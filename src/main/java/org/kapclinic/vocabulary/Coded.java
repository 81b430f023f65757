// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A vocabulary value: a stable kebab-case code (stored and sent over the API), which is the constant's name in lower
 * case with dashes (TREATMENT_RESISTANT_DEPRESSION is "treatment-resistant-depression"), and a plain-language label.
 */
public interface Coded {
    default String code() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String label();

    /** The value of {@code type} with this code, in any case. */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        var wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.code().equals(wanted)).findFirst();
    }

    /** The codes of these values, in declaration order: what a database column or the API holds. */
    static <E extends Enum<E> & Coded> List<String> codes(Collection<E> values) {
        return values.stream().sorted().map(Coded::code).toList();
    }

    /** Values for stored codes, skipping any this version no longer knows. */
    static <E extends Enum<E> & Coded> List<E> parse(Class<E> type, Collection<String> codes) {
        return codes.stream().map(c -> find(type, c)).flatMap(Optional::stream).distinct().sorted().toList();
    }
}
