// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import org.jspecify.annotations.Nullable;

/** Maudsley severity at baseline (REFERENCE.md 5.2), scored 1 to 5. */
public enum Severity {
    SUBSYNDROMAL("Subsyndromal", 1),
    MILD("Mild", 2),
    MODERATE("Moderate", 3),
    SEVERE("Severe without psychosis", 4),
    SEVERE_PSYCHOTIC("Severe with psychosis", 5);

    private final String label;
    private final int points;

    Severity(String label, int points) {
        this.label = label;
        this.points = points;
    }

    public String label() {
        return label;
    }

    public int points() {
        return points;
    }

    /**
     * The severity a baseline score's band suggests: MADRS bands (normal, mild, moderate, severe) map one to one;
     * PHQ-9's "moderately severe" is proposed as moderate, its "severe" as severe. The prescriber confirms or changes
     * it, and psychotic features are theirs to judge.
     */
    public static @Nullable Severity suggestedBy(String instrument, @Nullable String band) {
        if (band == null) {
            return null;
        }
        var b = band.toLowerCase(java.util.Locale.ROOT);
        return switch (b) {
            case "normal", "minimal", "none" -> SUBSYNDROMAL;
            case "mild" -> MILD;
            case "moderate", "moderately severe" -> MODERATE;
            case "severe" -> SEVERE;
            default -> null;
        };
    }
}
