// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The clinic's outcome definitions for other modules (the outcomes dashboard, issue 8): the remission thresholds and
 * the relapse rule of {@code kap.outcomes.*} ({@link OutcomeSettings}, REFERENCE.md 4.1, 4.3, 4.4, 4.9), and the
 * window in which a MADRS counts as the early response after the first dose ({@link EarlyResponse}). One source for
 * the numbers the patient's trajectory page and the dashboard both use.
 */
@Component
public class OutcomeDefinitions {

    /** The depression instruments that have response and remission definitions, in display order. */
    public static final List<String> INSTRUMENTS = List.of("madrs", "phq9", "qids-sr16");

    /**
     * A remission threshold: a total at or below {@code line} ({@code inclusive}), or below it, is remission.
     */
    public record Remission(int line, boolean inclusive) {

        public boolean reached(int total) {
            return inclusive ? total <= line : total < line;
        }

        /** "≤ 12" or "< 5" */
        public String text() {
            return (inclusive ? "≤ " : "< ") + line;
        }
    }

    private final OutcomeSettings settings;

    OutcomeDefinitions(OutcomeSettings settings) {
        this.settings = settings;
    }

    /** The remission threshold of a depression instrument, or null for an instrument without one. */
    public @Nullable Remission remission(String instrument) {
        return switch (instrument) {
            case "madrs" -> new Remission(settings.madrsRemissionAt(), true);
            case "phq9" -> new Remission(settings.phq9RemissionBelow(), false);
            case "qids-sr16" -> new Remission(settings.qidsRemissionAt(), true);
            default -> null;
        };
    }

    /** Response: the total at or below half the baseline (a reduction of at least 50 %, REFERENCE.md 4.9). */
    public boolean response(int baseline, int total) {
        return baseline > 0 && total * 2 <= baseline;
    }

    /** Relapse (SUSTAIN-1): MADRS at or above this at two consecutive visits ... */
    public int relapseMadrsAt() {
        return settings.relapseMadrsAt();
    }

    public Duration relapseMinGap() {
        return settings.relapseMinGap();
    }

    public Duration relapseMaxGap() {
        return settings.relapseMaxGap();
    }

    /** The early response after the first dose: a MADRS from this long after the dose ... */
    public Duration earlyResponseFrom() {
        return EarlyResponse.FROM;
    }

    /** ... to this long after it; the one nearest 24 h is taken. */
    public Duration earlyResponseTo() {
        return EarlyResponse.TO;
    }

    /** The instrument's short name for pages ("PHQ-9", "MADRS", "QIDS-SR16"). */
    public static String shortName(String instrument) {
        return switch (instrument) {
            case "madrs" -> "MADRS";
            case "phq9" -> "PHQ-9";
            case "qids-sr16" -> "QIDS-SR16";
            default -> instrument;
        };
    }
}
