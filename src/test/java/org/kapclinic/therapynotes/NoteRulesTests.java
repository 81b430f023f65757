// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The note templates' rules, without a database. */
class NoteRulesTests {

    @Test
    void everyTypeHasSectionsWithUniqueKeysAndAtLeastOneRequired() {
        for (var type : NoteType.values()) {
            assertThat(type.sections()).isNotEmpty();
            assertThat(type.sections().stream().map(NoteSection::key).distinct().count())
                    .isEqualTo(type.sections().size());
            assertThat(type.sections()).anyMatch(NoteSection::required);
        }
    }

    @Test
    void unknownKeysAreDroppedAndTextIsTrimmed() {
        var clean = NoteRules.clean(NoteType.PSYCHOTHERAPY, Map.of("note", "  text  ", "evil", "x"));
        assertThat(clean).containsOnlyKeys("note").containsEntry("note", "text");
    }

    @Test
    void readinessIsAChoiceAndNotYetReadyNeedsAReason() {
        assertThatThrownBy(() -> NoteRules.clean(NoteType.PREPARATION, Map.of("readiness", "MAYBE")))
                .hasMessage("readiness: choose ready or not yet ready.");
        var sections = NoteRules.clean(NoteType.PREPARATION, Map.of("readiness", NoteRules.NOT_YET_READY));
        assertThat(NoteRules.missing(NoteType.PREPARATION, sections, false)).containsKey("readinessReason");
        var ready = NoteRules.clean(NoteType.PREPARATION, Map.of("readiness", NoteRules.READY));
        assertThat(NoteRules.missing(NoteType.PREPARATION, ready, false)).doesNotContainKey("readinessReason")
                .doesNotContainKey("readiness");
    }

    @Test
    void anIntegrationNoteNeedsItsDosingSessionToBeSigned() {
        var complete = NoteRules.clean(NoteType.INTEGRATION, NoteFixture.complete(NoteType.INTEGRATION));
        assertThat(NoteRules.missing(NoteType.INTEGRATION, complete, false)).containsOnlyKeys("dosingSession");
        assertThat(NoteRules.missing(NoteType.INTEGRATION, complete, true)).isEmpty();
        assertThat(NoteRules.missing(NoteType.DOSING_SUPPORT,
                NoteRules.clean(NoteType.DOSING_SUPPORT, NoteFixture.complete(NoteType.DOSING_SUPPORT)), false)).isEmpty();
    }

    @Test
    void lengthsAreCheckedAtEachLimitForRandomSections() {
        var random = new Random(7);
        for (int i = 0; i < 200; i++) {
            var type = NoteType.values()[random.nextInt(NoteType.values().length)];
            var section = type.sections().get(random.nextInt(type.sections().size()));
            if (section.readiness()) {
                continue;
            }
            int length = section.maxLength() - 2 + random.nextInt(4);
            var text = "a".repeat(length);
            if (length <= section.maxLength()) {
                assertThat(NoteRules.clean(type, Map.of(section.key(), text))).containsEntry(section.key(), text);
            } else {
                assertThatThrownBy(() -> NoteRules.clean(type, Map.of(section.key(), text)))
                        .hasMessageStartingWith(section.key() + ": use at most " + section.maxLength());
            }
        }
    }

    @Test
    void thePreviewIsTheFirstWordsOfTheFirstFilledSection() {
        var preview = NoteRules.preview(NoteType.INTEGRATION, Map.of("experience", "", "insights",
                "A   long\nline " + "word ".repeat(60)));
        assertThat(preview).startsWith("A long line word").endsWith("…").hasSizeLessThanOrEqualTo(120);
    }
}
