// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names reduced to a-z for indexed prefix search: accents dropped, case folded, spaces, hyphens and apostrophes
 * removed ("O'Brien-Núñez" becomes "obriennunez"). A prefix p matches keys in [p, p + 1 on its last letter), a range
 * a plain b-tree index serves on H2 and PostgreSQL alike, whatever the database collation.
 */
final class SearchKey {

    private SearchKey() {}

    static String of(String name) {
        var decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        var out = new StringBuilder(decomposed.length());
        for (char c : decomposed.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The smallest key greater than every key that starts with {@code prefix} (prefix is a-z and not empty). */
    static String upperBound(String prefix) {
        int i = prefix.length() - 1;
        while (i >= 0 && prefix.charAt(i) == 'z') {
            i--;
        }
        if (i < 0) {
            return prefix + "z".repeat(101); // keys are at most 100 letters
        }
        return prefix.substring(0, i) + (char) (prefix.charAt(i) + 1);
    }
}
