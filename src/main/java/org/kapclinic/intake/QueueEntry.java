// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Instant;
import org.kapclinic.vocabulary.Interest;

/** One line of the intake queue or the triage list. */
public record QueueEntry(InquiryId id, String reference, String name, String state, Interest interest, boolean urgent,
        boolean minor, CrisisFinding crisisFinding, boolean triaged, InquiryStatus status, Instant submittedAt,
        Instant respondBy, @org.jspecify.annotations.Nullable Instant firstContactAt) {}
