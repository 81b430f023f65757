// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

/**
 * Typo tolerance for the crisis screen: the first letter must agree; then words of five or more letters may differ by
 * one edit (eight or more: two; Damerau-Levenshtein, so a swap is one edit), and four-letter words only by a swap of
 * neighbours. Short words must match exactly, so "die" never matches "diet".
 */
final class Typos {

    private Typos() {}

    static boolean close(String typed, String word) {
        int shorter = Math.min(typed.length(), word.length());
        if (shorter < 4 || typed.charAt(0) != word.charAt(0) || Math.abs(typed.length() - word.length()) > 2) {
            return false;
        }
        if (shorter == 4) {
            return typed.length() == 4 && word.length() == 4 && isSwap(typed, word);
        }
        int allowed = shorter >= 8 ? 2 : 1;
        return distance(typed, word, allowed) <= allowed;
    }

    private static boolean isSwap(String a, String b) {
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first >= 0) {
                    return i == first + 1 && a.charAt(first) == b.charAt(i) && a.charAt(i) == b.charAt(first)
                            && a.substring(i + 1).equals(b.substring(i + 1));
                }
                first = i;
            }
        }
        return false;
    }

    /** Optimal-string-alignment distance, stopping early once it exceeds {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
