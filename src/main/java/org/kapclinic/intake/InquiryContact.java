// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A logged contact with the person: by what means, by whom, when, and how it went. */
public record InquiryContact(String method, String outcome, @Nullable String note, Instant contactedAt, String recordedBy) {

    /** Means of contact a coordinator can log. */
    public static final java.util.List<String> METHODS = java.util.List.of("phone", "email", "text", "portal-message", "voicemail");

    /** Outcomes a coordinator can log. */
    public static final java.util.List<String> OUTCOMES = java.util.List.of("reached", "left-message", "no-answer",
            "wrong-number", "email-sent", "scheduled-consult");
}
