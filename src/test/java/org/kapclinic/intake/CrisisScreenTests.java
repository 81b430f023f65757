// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The crisis phrase matcher. A miss can cost a life, so it errs towards POSITIVE; plain negations lower a mention to
 * NEGATED_MENTION (still reviewed by a clinician); figures of speech stay NONE.
 */
class CrisisScreenTests {

    final CrisisScreen screen = new CrisisScreen();

    @ParameterizedTest
    @ValueSource(strings = {
        "I have been feeling suicidal for weeks.",
        "SUICIDAL",
        "Suicidle thoughts most nights",
        "sometimes i think about suicide",
        "I want to kill myself",
        "i want to kil myself",
        "I keep thinking about killing myself",
        "I want to end my life",
        "I want to end my lfie",
        "I might take my own life",
        "I just want to end it all",
        "I want to die",
        "I want to just die",
        "I wish I was dead",
        "everyone would be better off without me",
        "they'd be better off if I was dead, better off dead",
        "I have been self-harming again",
        "history of slef harm, cutting myself last month",
        "I hurt myself when it gets bad",
        "I thought about taking an overdose",
        "I have a plan to end it",
        "I want to go to sleep and not wake up",
        "I hope I don't wake up tomorrow",
        "I can't go on like this",
        "I cant keep going",
        "I can’t take it anymore",
        "there is no way out",
        "I won't be around much longer",
        "kms",
        "Thinking of jumping off the bridge",
        "I could hang myself",
        "I want to unalive myself",
        "I feel like ending it",
        "I want to disappear",
        "I'm done with life",
        "life isn't worth living",
        "everyone would be better off if I wasn't here",
        "I just want the pain to stop forever",
        "I wish I could sleep forever",
        "I'm tired of living",
        "I stockpiled my pills",
        "I wrote a goodbye note",
        "I'm a burden to everyone",
        "I have a gun and think about using it on myself",
        "I cut my arms when it gets bad",
        "I tried to kill myself last year",
        "I took an OD on my pills",
        "History of SI, struggling lately",
        "I'd rather be dead",
        "what's the point of living",
        "I have nothing to live for",
        "I think about not waking up",
        "quiero morir",
        "I took a bunch of pills last night",
        "I've been collecting my pills",
        "I don't care if I live or die",
        "sometimes I wonder if it would be easier to not wake up",
        "I don't feel like living",
        "I'm at the end of my rope",
        "i want to diiiie",
        "k1ll myself",
        "sui\u200bcide",
        "I want to, like, die",
        "sewerslide",
        "I want to k.ill myself",
        "s.u.i.c.i.d.e"
    })
    void riskLanguageIsPositive(String text) {
        assertThat(screen.screen(text).finding()).as(text).isEqualTo(CrisisFinding.POSITIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I am not suicidal.",
        "I'm not suicidal, just exhausted",
        "No thoughts of self-harm.",
        "I have never had suicidal thoughts",
        "No suicidal ideation.",
        "Not having thoughts of suicide",
        "without any suicidal thoughts",
        "No history of self harm",
        "I'm not going to kill myself",
        "I would never kill myself",
        "I don't want to die, I want to feel better",
        "No, I have never attempted suicide",
        "Zero suicidal thoughts",
        "Not suicidal. Not homicidal.",
        "Patient denies SI",
        "I don't have any thoughts of suicide"
    })
    void aPlainNegationIsAMentionForReviewNotUrgent(String text) {
        var result = screen.screen(text);
        assertThat(result.finding()).as(text).isEqualTo(CrisisFinding.NEGATED_MENTION);
        assertThat(result.urgent()).isFalse();
        assertThat(result.needsReview()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "no one would care if I killed myself",
        "Nobody would miss me if I died",
        "no one would notice if I was gone",
        "nothing matters and I want to die",
        "I don't see the point of living",
        "I dont see any point in living anymore",
        "I don't want to live anymore",
        "I do not want to be alive",
        "I don't want to be here anymore",
        "there is no reason to live",
        "not sure I want to be alive",
        "I'm not sure why but I keep thinking about suicide",
        "I'm not OK, I think about killing myself",
        "I don't know, I want to die",
        "I don't know I want to die",
        "not suicidal but I do think about hurting myself",
        "I'm not not suicidal",
        "not suicidal right now but was last week",
        "I'm not actively suicidal",
        "not really suicidal",
        "I am not suicidal. I want to end my life though.",
        "Right now I'm not suicidal",
        "I have never tried to kill myself but I think about it",
        "I'm not suicidal, but I was a few months ago",
        "I'm not suicidal, but sometimes I wish I wasn't here",
        "I'm not suicidal, at least not at the moment",
        "I have no intention of hurting myself",
        "I can't say I'm not suicidal",
        "I have no suicidal thoughts except at night",
        "I haven't been suicidal in weeks",
        "I'm not suicidal but I've been having dark thoughts",
        "SI: denies currently"
    })
    void aNegationThatDoesNotCoverTheRiskStaysPositive(String text) {
        assertThat(screen.screen(text).finding()).as(text).isEqualTo(CrisisFinding.POSITIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'm killing it at work",
        "this commute is killing me",
        "my back is killing me",
        "I'm dying to try this",
        "dead tired every afternoon",
        "I'd kill for a coffee",
        "a killer workout",
        "drop-dead gorgeous view",
        "die-hard fan of the Suns",
        "I cut back on coffee",
        "the battery died",
        "my plant died",
        "I'm skilled at my job",
        "shoot me an email",
        "the deadline is Friday",
        "I'm overdue for a checkup",
        "my grandfather died last year",
        "sí, hablo español",
        "I am on a diet and it is hard",
        "The side effects were killing me so I stopped sertraline",
        "I nearly died laughing",
        "I've been cutting back on sugar",
        "I run 5 kms every morning",
        "Three antidepressants have not helped. My psychiatrist mentioned ketamine."
    })
    void figuresOfSpeechAreNotFlagged(String text) {
        assertThat(screen.screen(text).finding()).as(text).isEqualTo(CrisisFinding.NONE);
    }

    @Test
    void grievingIsNotRiskButWantingToFollowIs() {
        assertThat(screen.screen("my grandfather died last year").finding()).isEqualTo(CrisisFinding.NONE);
        assertThat(screen.screen("I want to die like my grandfather").finding()).isEqualTo(CrisisFinding.POSITIVE);
    }

    @Test
    void theMovieTitleIsDeliberatelyFlagged() {
        // documented choice: the lexicon does not guess at context; a clinician spends a minute, nobody is missed
        assertThat(screen.screen("we watched Suicide Squad").finding()).isEqualTo(CrisisFinding.POSITIVE);
    }

    @Test
    void evidenceNamesTheMatchedWords() {
        var result = screen.screen("Honestly, no one would care if I killed myself.");
        assertThat(result.evidence()).anyMatch(e -> e.contains("killed myself"));
    }

    @Test
    void aPositiveMentionAnywhereWinsOverNegatedOnes() {
        var result = screen.screen("I am not suicidal. No thoughts of self-harm. But some nights I want to die.");
        assertThat(result.finding()).isEqualTo(CrisisFinding.POSITIVE);
        assertThat(result.evidence()).anyMatch(e -> e.contains("want to die"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t"})
    void nothingWrittenIsNone(String text) {
        assertThat(screen.screen(text)).isEqualTo(CrisisScreenResult.NONE);
    }

    @Test
    void aLongTextIsScreenedWhole() {
        var text = "I have tried many things and I am tired. ".repeat(90) + "I want to end my life.";
        assertThat(text.length()).isGreaterThan(3500);
        assertThat(screen.screen(text).finding()).isEqualTo(CrisisFinding.POSITIVE);
    }
}
