// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

/**
 * How much each part of the fit counts. The score is Σ weight × fit ÷ Σ weights, scaled to 0–100.
 *
 * @param specialty overlap of the person's concerns with the therapist's focus. Default 30: among soft factors the
 *     fit on what brings the person matters most (REFERENCE.md 8.1, Valant and Talkspace practice)
 * @param preferences gender, identity-affirming approach and modality preference. Default 15: stated preferences
 *     predict engagement but rarely decide alone
 * @param insurance in network with the person's carrier. Default 20: cost is a main barrier (REFERENCE.md 7.1)
 * @param language speaks the person's language. Default 10: decisive when needed, neutral for most (English)
 * @param availability overlap of weekly windows. Default 15: integration sessions must follow dosing within 24–72 h
 * @param caseload headroom left in the caseload. Default 10: spreads new clients and avoids near-full panels
 */
public record MatchWeights(int specialty, int preferences, int insurance, int language, int availability, int caseload) {

    public MatchWeights {
        for (int w : new int[] {specialty, preferences, insurance, language, availability, caseload}) {
            if (w < 0 || w > 100) {
                throw new IllegalArgumentException("Each weight is from 0 to 100.");
            }
        }
        if (specialty + preferences + insurance + language + availability + caseload == 0) {
            throw new IllegalArgumentException("At least one weight must be above 0.");
        }
    }

    public static MatchWeights defaults() {
        return new MatchWeights(30, 15, 20, 10, 15, 10);
    }

    int total() {
        return specialty + preferences + insurance + language + availability + caseload;
    }
}
