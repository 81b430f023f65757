// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The crisis phrase matcher run over an inquiry's free text. It errs towards POSITIVE: a plain negation must scope
 * the risk words directly ("I am not suicidal", "no thoughts of self-harm") to lower the finding to NEGATED_MENTION,
 * and hedges ("not really", "not actively", "not right now"), double negation and negations of something else ("no
 * one would care if I killed myself") leave it POSITIVE. Thread-safe; the lexicon is {@code intake/crisis-lexicon.txt}.
 */
public final class CrisisScreen {

    /** Negation cues that can scope a risk phrase that follows. */
    private static final Set<String> CUES = Set.of("not", "no", "never", "none", "nor", "without", "deny", "denies",
            "denied", "zero");
    /** Words a negation may reach across: "no [thoughts of] self-harm", "never [had any] suicidal thoughts". */
    private static final Set<String> SCOPE = Set.of("i", "am", "is", "was", "be", "been", "being", "have", "had", "has",
            "having", "any", "ever", "feel", "feeling", "felt", "thoughts", "thought", "of", "about", "a", "an", "the",
            "history", "going", "to", "will", "would", "want",
            "wanting", "urge", "urges", "do", "did", "or", "myself", "attempted", "tried", "considered", "contemplated",
            "made");
    /** Words that weaken a negation: then it is not plain and the finding stays POSITIVE. */
    private static final Set<String> HEDGES = Set.of("really", "sure", "exactly", "always", "actively", "entirely",
            "completely", "totally", "quite", "necessarily", "currently", "anymore", "now", "today", "tonight",
            "lately", "recently", "sometimes", "often", "mostly", "usually", "much", "very", "too");
    /** After a negated mention in the same sentence, these say it was recent or is temporary: not plain. */
    private static final Set<String> TIME_HEDGES = Set.of("now", "currently", "today", "tonight", "anymore", "lately",
            "recently", "moment", "yet", "least", "weeks", "week", "days", "months", "while", "since", "until", "ago",
            "sometimes");
    /** After "no", these make it a different phrase ("no one", "nobody"), not a negation of what follows. */
    private static final Set<String> NOT_A_NEGATION_AFTER_NO = Set.of("one", "body", "reason", "point", "way", "longer",
            "hope", "matter", "more", "idea");
    private static final int NEGATION_REACH = 6;

    private final List<CrisisPhrase> phrases;

    public CrisisScreen() {
        try (InputStream in = CrisisScreen.class.getResourceAsStream("/intake/crisis-lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("intake/crisis-lexicon.txt is missing");
            }
            phrases = CrisisPhrase.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CrisisScreenResult screen(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return CrisisScreenResult.NONE;
        }
        var tokens = CrisisText.tokens(text);
        var positive = new LinkedHashSet<String>();
        var negated = new LinkedHashSet<String>();
        for (int start = 0; start < tokens.size(); start++) {
            for (var phrase : phrases) {
                int end = phrase.matchAt(tokens, start);
                if (end < 0) {
                    continue;
                }
                var evidence = String.join(" ", tokens.subList(start, end));
                if (plainlyNegated(tokens, start, end)) {
                    negated.add(evidence);
                } else {
                    positive.add(evidence);
                }
            }
        }
        if (!positive.isEmpty()) {
            return new CrisisScreenResult(CrisisFinding.POSITIVE, List.copyOf(positive));
        }
        if (!negated.isEmpty()) {
            return new CrisisScreenResult(CrisisFinding.NEGATED_MENTION, List.copyOf(negated));
        }
        return CrisisScreenResult.NONE;
    }

    /**
     * A negation cue within reach before the phrase, in the same clause, with only scope words between, no second
     * negation and no hedge around it, and no "right now" after the phrase.
     */
    private static boolean plainlyNegated(List<String> tokens, int start, int end) {
        int cue = -1;
        for (int i = start - 1; i >= 0 && i >= start - NEGATION_REACH; i--) {
            var t = tokens.get(i);
            if (CrisisText.isBreak(t)) {
                break;
            }
            if (CUES.contains(t)) {
                cue = i;
                break;
            }
            if (!SCOPE.contains(t)) {
                return false;
            }
        }
        if (cue < 0) {
            return false;
        }
        if (tokens.get(cue).equals("no") && cue + 1 < tokens.size() && NOT_A_NEGATION_AFTER_NO.contains(tokens.get(cue + 1))) {
            return false;
        }
        // a second negation or a hedge anywhere earlier in the clause ("I can't say I'm not", "right now I'm not")
        for (int i = cue - 1; i >= 0 && !CrisisText.isBreak(tokens.get(i)); i--) {
            if (CUES.contains(tokens.get(i)) || HEDGES.contains(tokens.get(i))) {
                return false;
            }
        }
        for (int i = cue + 1; i < start; i++) {
            if (HEDGES.contains(tokens.get(i)) || CUES.contains(tokens.get(i))) {
                return false;
            }
        }
        // later in the same sentence: "but ...", "except at night", "right now", "at the moment", "in weeks"
        for (int i = end; i < tokens.size() && !tokens.get(i).equals(CrisisText.END); i++) {
            var t = tokens.get(i);
            if (t.equals(CrisisText.CONTRAST) || TIME_HEDGES.contains(t)) {
                return false;
            }
        }
        return true;
    }
}
