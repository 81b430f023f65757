// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a patient wrote before or after a dosing appointment: free text, or the answer to one of their therapist's
 * prompts ({@code prompt} holds the prompt's words as they were asked). {@code crisisFinding} is the intake crisis
 * screen's finding name; clinicians see it, the patient never does.
 */
public record Reflection(UUID id, UUID patientId, UUID appointmentId, Instant appointmentAt, ReflectionPhase phase,
        @Nullable UUID promptId, @Nullable String prompt, String body, String crisisFinding, Instant writtenAt) {

    public boolean crisisPositive() {
        return "POSITIVE".equals(crisisFinding);
    }

    public boolean answersPrompt() {
        return prompt != null;
    }
}
