// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One lexicon phrase: word slots (alternatives each), with up to three other words allowed where the line says "...". */
record CrisisPhrase(List<Set<String>> slots, List<Boolean> gapBefore) {

    static final int MAX_GAP = 3;

    static List<CrisisPhrase> parse(String lexicon) {
        var phrases = new ArrayList<CrisisPhrase>();
        for (var line : lexicon.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var slots = new ArrayList<Set<String>>();
            var gaps = new ArrayList<Boolean>();
            boolean gap = false;
            for (var part : line.split("\\s+")) {
                if (part.equals("...")) {
                    gap = true;
                    continue;
                }
                slots.add(Set.of(part.split("\\|")));
                gaps.add(gap);
                gap = false;
            }
            phrases.add(new CrisisPhrase(List.copyOf(slots), List.copyOf(gaps)));
        }
        return List.copyOf(phrases);
    }

    /** The index after the match if the phrase starts at {@code start}, else -1. */
    int matchAt(List<String> tokens, int start) {
        if (CrisisText.isBreak(tokens.get(start)) || !matches(slots.get(0), tokens.get(start))) {
            return -1;
        }
        return rest(tokens, 1, start + 1);
    }

    private int rest(List<String> tokens, int slot, int position) {
        if (slot == slots.size()) {
            return position;
        }
        int reach = gapBefore.get(slot) ? MAX_GAP : 0;
        for (int skip = 0; skip <= reach && position + skip < tokens.size(); skip++) {
            var token = tokens.get(position + skip);
            // a sentence end or a contrast ends a phrase; a comma may stand in a gap ("I want to, like, die")
            if (token.equals(CrisisText.END) || token.equals(CrisisText.CONTRAST)
                    || (token.equals(CrisisText.COMMA) && reach == 0)) {
                return -1;
            }
            if (matches(slots.get(slot), token)) {
                int end = rest(tokens, slot + 1, position + skip + 1);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static boolean matches(Set<String> alternatives, String token) {
        if (alternatives.contains(token)) {
            return true;
        }
        for (var word : alternatives) {
            if (Typos.close(token, word)) {
                return true;
            }
        }
        return false;
    }
}
