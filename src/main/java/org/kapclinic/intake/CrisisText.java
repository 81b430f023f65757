// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Free text made comparable: Unicode NFKC, lower case, no accents, straight apostrophes, contractions expanded, then
 * split into word tokens and clause breaks ("."). A clause break is a sentence end, a semicolon or colon, a comma,
 * or a contrasting word (but, though, although, however, yet, except).
 */
final class CrisisText {

    static final String BREAK = ".";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, String> CONTRACTIONS = Map.ofEntries(
            Map.entry("don't", "do not"), Map.entry("dont", "do not"), Map.entry("doesn't", "does not"),
            Map.entry("doesnt", "does not"), Map.entry("didn't", "did not"), Map.entry("didnt", "did not"),
            Map.entry("can't", "can not"), Map.entry("cant", "can not"), Map.entry("cannot", "can not"),
            Map.entry("couldn't", "could not"), Map.entry("couldnt", "could not"), Map.entry("won't", "will not"),
            Map.entry("wont", "will not"), Map.entry("wouldn't", "would not"), Map.entry("wouldnt", "would not"),
            Map.entry("shouldn't", "should not"), Map.entry("isn't", "is not"), Map.entry("isnt", "is not"),
            Map.entry("aren't", "are not"), Map.entry("wasn't", "was not"), Map.entry("wasnt", "was not"),
            Map.entry("weren't", "were not"), Map.entry("haven't", "have not"), Map.entry("havent", "have not"),
            Map.entry("hasn't", "has not"), Map.entry("hadn't", "had not"), Map.entry("ain't", "am not"),
            Map.entry("i'm", "i am"), Map.entry("im", "i am"), Map.entry("i've", "i have"), Map.entry("ive", "i have"),
            Map.entry("i'd", "i would"), Map.entry("i'll", "i will"), Map.entry("idk", "i do not know"),
            Map.entry("wanna", "want to"), Map.entry("gonna", "going to"), Map.entry("kms", "kill myself"),
            Map.entry("kys", "kill yourself"));
    private static final java.util.Set<String> CONTRAST = java.util.Set.of("but", "though", "although", "however", "yet",
            "except");

    private CrisisText() {}

    static List<String> tokens(String text) {
        var normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'').replace('\u02bc', '\'');
        normal = MARKS.matcher(Normalizer.normalize(normal, Normalizer.Form.NFD)).replaceAll("");
        var tokens = new ArrayList<String>();
        var word = new StringBuilder();
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (Character.isLetterOrDigit(c) || (c == '\'' && word.length() > 0)) {
                word.append(c);
                continue;
            }
            flush(word, tokens);
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == ',' || c == '\n') {
                if (tokens.isEmpty() || !tokens.get(tokens.size() - 1).equals(BREAK)) {
                    tokens.add(BREAK);
                }
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() == 0) {
            return;
        }
        var w = word.toString().replaceAll("'+$", "");
        word.setLength(0);
        var expanded = CONTRACTIONS.get(w);
        if (expanded != null) {
            tokens.addAll(List.of(expanded.split(" ")));
        } else if (CONTRAST.contains(w)) {
            tokens.add(BREAK);
        } else if (!w.isEmpty()) {
            tokens.add(w.replace("'", ""));
        }
    }
}
