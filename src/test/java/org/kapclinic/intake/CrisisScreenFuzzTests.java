// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the crisis phrase matcher (ADR 029) with any text a person could type into an inquiry. Committed inputs:
 * {@code src/test/resources/org/kapclinic/intake/CrisisScreenFuzzTestsInputs/}.
 */
class CrisisScreenFuzzTests {

    private static final CrisisScreen SCREEN = new CrisisScreen();
    private static final String UNMISTAKABLE = "\nI want to kill myself.\n";

    /**
     * Total: every text gets a finding and never an exception. A finding's evidence agrees with it (NONE has none;
     * POSITIVE and NEGATED_MENTION have some, each made of the text's own tokens). The work is linear: the matcher
     * walks the tokens once per lexicon phrase, and there are never more than two tokens per character typed. An
     * unmistakable sentence on a line of its own stays POSITIVE whatever comes before it: nothing typed earlier can
     * negate or hide it.
     */
    @FuzzTest(maxDuration = "60s")
    void screensAnyTextAndNeverLosesAnUnmistakableSentence(FuzzedDataProvider data) {
        var text = data.consumeRemainingAsString();
        var result = SCREEN.screen(text);
        assertThat(result).isNotNull();
        assertThat(result.finding()).isNotNull();
        var tokens = CrisisText.tokens(text);
        assertThat(tokens.size()).isLessThanOrEqualTo(2 * text.length() + 2);
        if (result.finding() == CrisisFinding.NONE) {
            assertThat(result.evidence()).isEmpty();
        } else {
            assertThat(result.evidence()).isNotEmpty();
            var joined = " " + String.join(" ", tokens) + " ";
            for (var evidence : result.evidence()) {
                assertThat(joined).contains(" " + evidence + " ");
            }
        }
        assertThat(SCREEN.screen(text + UNMISTAKABLE).finding()).isEqualTo(CrisisFinding.POSITIVE);
    }
}
