// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.util.Locale;
import java.util.Optional;

/**
 * Medical record number: "KC", a sequence number and a Luhn check digit (e.g. KC1000017), so a mistyped digit is
 * caught instead of opening someone else's chart.
 */
public record Mrn(String value) {

    static final String PREFIX = "KC";

    public static Mrn fromSequence(long sequence) {
        var digits = Long.toString(sequence);
        return new Mrn(PREFIX + digits + luhnDigit(digits));
    }

    /** Reads what a person typed ("kc1000017", "1000017"), if it is a well-formed MRN. */
    public static Optional<Mrn> parse(String text) {
        var t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith(PREFIX)) {
            t = t.substring(2);
        }
        if (!t.matches("\\d{2,18}")) {
            return Optional.empty();
        }
        var body = t.substring(0, t.length() - 1);
        var check = t.charAt(t.length() - 1) - '0';
        return luhnDigit(body) == check ? Optional.of(new Mrn(PREFIX + t)) : Optional.empty();
    }

    static int luhnDigit(String digits) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
