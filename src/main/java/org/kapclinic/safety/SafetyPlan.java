// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version of a patient's Stanley-Brown safety plan (REFERENCE.md 6.1): the six steps plus reasons for living, each
 * a few lines the patient and clinician wrote together. Not a no-suicide contract.
 */
public record SafetyPlan(UUID id, UUID patientId, int version, Steps steps, Instant createdAt, String createdBy) {

    /** The plan's text, one entry per line in each step. */
    public record Steps(@Nullable String warningSigns, @Nullable String copingStrategies, @Nullable String distractions,
            @Nullable String peopleToAsk, @Nullable String professionals, @Nullable String safeEnvironment,
            @Nullable String reasonsForLiving) {

        public static final int MAX = 4000;

        /** Step 5 starts with the crisis lines, so no plan is without them (REFERENCE.md 6.2). */
        public static Steps blank() {
            return new Steps("", "", "", "", "988 Suicide & Crisis Lifeline: call or text 988\n"
                    + "Crisis Text Line: text HOME to 741741\nEmergency: call 911 or go to the nearest emergency room",
                    "", "");
        }

        public boolean empty() {
            return List.of(text(warningSigns), text(copingStrategies), text(distractions), text(peopleToAsk),
                    text(safeEnvironment), text(reasonsForLiving)).stream().allMatch(String::isEmpty);
        }

        public Steps trimmed() {
            return new Steps(text(warningSigns), text(copingStrategies), text(distractions), text(peopleToAsk),
                    text(professionals), text(safeEnvironment), text(reasonsForLiving));
        }

        private static String text(@Nullable String s) {
            return s == null ? "" : s.strip().replace("\r\n", "\n");
        }
    }

    /** The step titles in order, with the text of each, for pages and the PDF. */
    public List<Step> list() {
        return List.of(
                new Step(1, "Warning signs", "Thoughts, images, moods, situations or behaviours that a crisis may be coming",
                        lines(steps.warningSigns())),
                new Step(2, "Internal coping strategies", "Things I can do on my own to take my mind off my problems",
                        lines(steps.copingStrategies())),
                new Step(3, "People and places for distraction", "People and social settings that help me feel better",
                        lines(steps.distractions())),
                new Step(4, "People I can ask for help", "Family or friends I can tell that I am in crisis",
                        lines(steps.peopleToAsk())),
                new Step(5, "Professionals and agencies", "My therapist, my prescriber, 988, the nearest emergency room",
                        lines(steps.professionals())),
                new Step(6, "Making the environment safe", "Keeping firearms, medicines and other means away",
                        lines(steps.safeEnvironment())),
                new Step(7, "Reasons for living", "The one thing most important to me, and what makes life worth living",
                        lines(steps.reasonsForLiving())));
    }

    public record Step(int number, String title, String hint, List<String> lines) {}

    private static List<String> lines(@Nullable String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
