// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kapclinic.scheduling.AppointmentType;

/** The kinds of therapy note, each with its template of labelled sections (ADR 019). */
public enum NoteType {
    PREPARATION("Preparation note", List.of(
            NoteSection.text("intentions", "Intentions", "What the patient hopes the treatment will help with.", true),
            NoteSection.text("expectations", "Expectations and fears", "What they expect, and what worries them.", true),
            NoteSection.text("setAndSetting", "Set and setting",
                    "Mindset, support at home, the room, music, eyeshade, who will drive them home.", true),
            NoteSection.text("consentReview", "Consent and what dissociation may feel like",
                    "What was reviewed: the consent, and how dissociation, time distortion or nausea may feel.", true),
            NoteSection.text("questions", "Questions", "The patient's questions and the answers given.", false),
            new NoteSection("readiness", "Readiness", "Ready for the dosing session, or not yet (say why).", true, 2000,
                    NoteSection.Kind.READINESS))),
    DOSING_SUPPORT("Dosing support note", List.of(
            NoteSection.text("presence", "Therapist's presence during the session",
                    "When you were with the patient, and how (in the room, nearby, by phone).", true),
            NoteSection.text("themes", "Themes", "What came up for the patient.", true),
            NoteSection.text("observations", "Observations", "What you saw and heard.", false),
            NoteSection.text("support", "Support given", "Grounding, reassurance, music changes, silence.", true))),
    INTEGRATION("Integration note", List.of(
            NoteSection.text("experience", "The experience in the patient's words",
                    "Quote or paraphrase how the patient describes the dosing session.", true),
            NoteSection.text("insights", "Insights", "What the patient took from it.", true),
            NoteSection.text("emotions", "Emotions", "Feelings during and since the session.", false),
            NoteSection.text("body", "Body", "Bodily sensations, sleep, appetite, energy.", false),
            NoteSection.text("actionSteps", "Action steps", "What the patient will try before the next session.", true),
            NoteSection.text("followUp", "Follow-up", "What happens next: the next session, referrals, check-ins.",
                    true))),
    PSYCHOTHERAPY("Psychotherapy note", List.of(
            NoteSection.longText("note", "Note", "Kept apart from the record: only you and your clinical supervisor "
                    + "can read it, and it is never shown to the patient."))),
    EVALUATION_ADDENDUM("Evaluation addendum", List.of(
            NoteSection.longText("note", "Addendum", "What is added to the eligibility evaluation, and why.")));

    private final String label;
    private final List<NoteSection> sections;

    NoteType(String label, List<NoteSection> sections) {
        this.label = label;
        this.sections = sections;
    }

    public String label() {
        return label;
    }

    public List<NoteSection> sections() {
        return sections;
    }

    /** Integration and dosing-support notes name the dosing session they belong to. */
    public boolean linksDosingSession() {
        return this == INTEGRATION || this == DOSING_SUPPORT;
    }

    /** Psychotherapy notes are kept apart: author and supervisor only, never patient-facing (unless policy allows). */
    public boolean protectedNote() {
        return this == PSYCHOTHERAPY;
    }

    /** The note an appointment of this kind usually gets; null when it gets none by default. */
    public static @Nullable NoteType forAppointment(AppointmentType type) {
        return switch (type) {
            case PREPARATION -> PREPARATION;
            case DOSING -> DOSING_SUPPORT;
            case INTEGRATION -> INTEGRATION;
            case THERAPY -> PSYCHOTHERAPY;
            case EVALUATION -> EVALUATION_ADDENDUM;
            case FOLLOW_UP -> null;
        };
    }
}
