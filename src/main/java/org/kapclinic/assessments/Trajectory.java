// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A patient's scores on one instrument over time, with the lines a chart draws and the current status.
 *
 * @param responseLine half the baseline: at or below it is response (&ge;50% reduction)
 * @param remissionLine the remission threshold for this instrument, or null when it has none
 * @param remissionInclusive true when a score equal to the line is remission (MADRS &le; 12), false when it must be
 *     below (PHQ-9 &lt; 5)
 */
public record Trajectory(String instrument, String name, @Nullable Integer maximum, List<Point> points,
        @Nullable Integer baseline, @Nullable Double responseLine, @Nullable Integer remissionLine,
        boolean remissionInclusive, Status status) {

    public record Point(Instant at, @Nullable Integer total, @Nullable String severity, List<String> flags,
            Channel channel) {}

    /**
     * @param changePercent change of the latest score from baseline (negative is better), null before a second score
     * @param relapseNote why relapse is shown, e.g. "MADRS 24 and 26, 7 days apart"
     */
    public record Status(@Nullable Integer latest, @Nullable Double changePercent, boolean response, boolean remission,
            boolean relapse, @Nullable String relapseNote) {

        public static Status none() {
            return new Status(null, null, false, false, false, null);
        }

        /** One phrase for the page: "Remission", "Response", "Relapse", "No response yet" or "Baseline only". */
        public String summary() {
            if (latest == null) {
                return "No scores yet";
            }
            if (relapse) {
                return "Relapse";
            }
            if (remission) {
                return "Remission";
            }
            if (response) {
                return "Response";
            }
            return changePercent == null ? "Baseline only" : "No response yet";
        }
    }

    public boolean empty() {
        return points.isEmpty();
    }
}
