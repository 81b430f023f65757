// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Free text made comparable: invisible characters removed, the clinical abbreviation "SI" spelled out (only in capitals,
 * so Spanish "sí" is untouched), Unicode NFKC, lower case, no accents, straight apostrophes, dots inside a word
 * dropped ("k.ill"), letters repeated three or more times collapsed ("diiiie"), digits inside words read as letters
 * ("k1ll"), contractions expanded; then split into word tokens and three kinds of break: {@link #END} (sentence end,
 * semicolon, colon, line end), {@link #COMMA} and {@link #CONTRAST} (but, though, although, however, yet, except).
 */
final class CrisisText {

    static final String END = ".";
    static final String COMMA = ",";
    static final String CONTRAST = "|";

    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final Pattern SI = Pattern.compile("\\bSI\\b");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DOT_IN_WORD = Pattern.compile("(?<=\\p{L})\\.(?=\\p{L})");
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Map<Character, Character> LEET = Map.of('0', 'o', '1', 'i', '3', 'e', '4', 'a', '5', 's', '7', 't',
            '@', 'a', '$', 's');
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
            Map.entry("what's", "what is"), Map.entry("wanna", "want to"), Map.entry("gonna", "going to"),
            Map.entry("kms", "kill myself"), Map.entry("kys", "kill yourself"));
    private static final Set<String> CONTRASTS = Set.of("but", "though", "although", "however", "yet", "except");

    private CrisisText() {}

    static boolean isBreak(String token) {
        return token.equals(END) || token.equals(COMMA) || token.equals(CONTRAST);
    }

    static List<String> tokens(String text) {
        var cleaned = SI.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" suicidal ideation ");
        var normal = Normalizer.normalize(cleaned, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'').replace('\u02bc', '\'');
        normal = MARKS.matcher(Normalizer.normalize(normal, Normalizer.Form.NFD)).replaceAll("");
        normal = REPEATS.matcher(DOT_IN_WORD.matcher(normal).replaceAll("")).replaceAll("$1");
        var tokens = new ArrayList<String>();
        var word = new StringBuilder();
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            boolean inWord = Character.isLetterOrDigit(c) || (c == '\'' && word.length() > 0)
                    || ((c == '@' || c == '$') && word.length() > 0);
            if (inWord) {
                word.append(c);
                continue;
            }
            flush(word, tokens);
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n') {
                addBreak(tokens, END);
            } else if (c == ',') {
                addBreak(tokens, COMMA);
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void addBreak(List<String> tokens, String kind) {
        if (tokens.isEmpty() || !tokens.get(tokens.size() - 1).equals(kind)) {
            tokens.add(kind);
        }
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() == 0) {
            return;
        }
        var w = unleet(word.toString().replaceAll("'+$", ""));
        word.setLength(0);
        var previous = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
        var expanded = CONTRACTIONS.get(w);
        if (w.equals("kms") && previous.chars().allMatch(Character::isDigit) && !previous.isEmpty()) {
            tokens.add(w); // "5 kms" is a distance
        } else if (expanded != null) {
            tokens.addAll(List.of(expanded.split(" ")));
        } else if (CONTRASTS.contains(w)) {
            addBreak(tokens, CONTRAST);
        } else if (!w.isEmpty()) {
            tokens.add(w.replace("'", ""));
        }
    }

    /** Digits and symbols inside a word that also has letters are read as the letters they stand for. */
    private static String unleet(String w) {
        boolean letters = w.chars().anyMatch(Character::isLetter);
        boolean others = w.chars().anyMatch(ch -> LEET.containsKey((char) ch));
        if (!letters || !others) {
            return w;
        }
        var out = new StringBuilder();
        for (char ch : w.toCharArray()) {
            out.append(LEET.getOrDefault(ch, ch));
        }
        return out.toString();
    }
}
