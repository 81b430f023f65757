// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Maudsley Staging Method (Fekadu 2009, standardised 2018; REFERENCE.md 5.2): duration 1-3, severity 1-5,
 * failed antidepressants 1-5, +1 if augmentation was used, +1 if ECT was used, all in the current episode. Total
 * 3-15: mild 3-6, moderate 7-10, severe 11-15. The treatment-failure levels are tagged memory-verify in REFERENCE.md;
 * they follow the published table and every component says how it was scored.
 */
public final class MaudsleyStaging {

    public record Component(String name, int points, int max, String reason) {}

    public record Stage(List<Component> components, int total, String band, boolean complete) {}

    private MaudsleyStaging() {}

    /**
     * @param episodeStart when the current episode began; null leaves duration unscored
     * @param asOf the evaluation date
     * @param severity the prescriber's baseline severity; null leaves it unscored
     * @param failedAntidepressants adequate failed antidepressant trials in the current episode
     */
    public static Stage stage(@Nullable LocalDate episodeStart, LocalDate asOf, @Nullable Severity severity,
            int failedAntidepressants, boolean augmentationUsed, boolean ectUsed) {
        var duration = duration(episodeStart, asOf);
        var sev = severity == null
                ? new Component("Severity", 0, 5, "Not yet rated: choose the baseline severity.")
                : new Component("Severity", severity.points(), 5, severity.label() + " at baseline.");
        var failures = failures(failedAntidepressants);
        var aug = new Component("Augmentation", augmentationUsed ? 1 : 0, 1,
                augmentationUsed ? "Augmentation used in this episode." : "No augmentation in this episode.");
        var ect = new Component("ECT", ectUsed ? 1 : 0, 1, ectUsed ? "ECT used in this episode." : "No ECT in this episode.");
        var components = List.of(duration, sev, failures, aug, ect);
        int total = components.stream().mapToInt(Component::points).sum();
        boolean complete = episodeStart != null && severity != null;
        return new Stage(components, total, complete ? band(total) : "incomplete", complete);
    }

    static Component duration(@Nullable LocalDate start, LocalDate asOf) {
        if (start == null) {
            return new Component("Duration", 0, 3, "Not yet rated: enter when the current episode began.");
        }
        long months = java.time.temporal.ChronoUnit.MONTHS.between(start, asOf);
        String length = months + (months == 1 ? " month" : " months");
        if (!asOf.isAfter(start.plusMonths(12))) {
            return new Component("Duration", 1, 3, "Acute: " + length + " (12 months or less).");
        }
        if (!asOf.isAfter(start.plusMonths(24))) {
            return new Component("Duration", 2, 3, "Sub-acute: " + length + " (13 to 24 months).");
        }
        return new Component("Duration", 3, 3, "Chronic: " + length + " (more than 24 months).");
    }

    static Component failures(int failed) {
        int points;
        String level;
        if (failed <= 2) {
            points = 1;
            level = "level 1 (1-2 medications)";
        } else if (failed <= 4) {
            points = 2;
            level = "level 2 (3-4)";
        } else if (failed <= 6) {
            points = 3;
            level = "level 3 (5-6)";
        } else if (failed <= 10) {
            points = 4;
            level = "level 4 (7-10)";
        } else {
            points = 5;
            level = "level 5 (more than 10)";
        }
        return new Component("Failed antidepressants", points, 5,
                failed + " adequate failed " + (failed == 1 ? "trial" : "trials") + ": " + level + ".");
    }

    static String band(int total) {
        if (total <= 6) {
            return "mild";
        }
        return total <= 10 ? "moderate" : "severe";
    }
}
