// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.util.UUID;

/**
 * An event about a patient's own words that another module ran through the {@link CrisisScreen}, such as therapy
 * notes' {@code NoteEvents.ReflectionSaved}. Safety raises its alert from it, in the publisher's transaction, without
 * depending on the publisher (therapy notes depends on dosing, which depends on safety: a direct listener would be a
 * cycle). {@code crisisFinding} is a {@link CrisisFinding} name; {@code screenedSource} names the record ("REFLECTION")
 * and {@code screenedSourceId} its id.
 */
public interface CrisisScreened {

    UUID patientId();

    String crisisFinding();

    String evidence();

    String screenedSource();

    UUID screenedSourceId();
}
