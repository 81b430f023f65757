// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import org.jspecify.annotations.Nullable;

/**
 * A published figure from resources/outcomes/reference-figures.json (REFERENCE.md 3.1, 4.9), shown beside the clinic's
 * own. {@code tag} is REFERENCE.md's confidence tag: confirmed, memory-verify or uncertain.
 *
 * @param citation null for a claim no source was found for: it is listed, never drawn
 * @param reductionPercent for a response figure: the reduction from baseline that counts (50)
 * @param remissionLine for a remission figure: the threshold, inclusive or not
 * @param timepointDays days after the first dose the figure was taken at, null when the trial's endpoint was not a
 *     fixed day (e.g. "end of the series")
 * @param value the figure, in percent
 */
public record ReferenceFigure(String id, String trial, @Nullable String citation, @Nullable String url,
        @Nullable String modality, String arm, String instrument, Outcome outcome, @Nullable Integer reductionPercent,
        @Nullable Integer remissionLine, @Nullable Boolean remissionInclusive, @Nullable Integer timepointDays,
        @Nullable String timepoint, double value, String tag, String reference) {

    public enum Outcome { RESPONSE, REMISSION, RELAPSE, EARLY_RESPONDERS_REMITTING }

    public boolean memoryVerify() {
        return !"confirmed".equals(tag);
    }

    public boolean cited() {
        return citation != null && !citation.isBlank() && !"uncertain".equals(tag);
    }

    /** "day 28", or the trial's own words for its endpoint. */
    public String when() {
        return timepointDays != null ? "day " + timepointDays : timepoint == null ? "–" : timepoint;
    }

    /** The definition in words: "≥ 50 % reduction", "≤ 12". */
    public String definition() {
        return switch (outcome) {
            case RESPONSE -> "≥ " + (reductionPercent == null ? 50 : reductionPercent) + " % reduction";
            case REMISSION -> remissionLine == null ? "–"
                    : (Boolean.FALSE.equals(remissionInclusive) ? "< " : "≤ ") + remissionLine;
            case RELAPSE -> "relapse";
            case EARLY_RESPONDERS_REMITTING -> "first-dose responders who remit";
        };
    }
}
