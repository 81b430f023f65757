// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Instant;
import java.time.ZoneId;

/** What the person is told after submitting: the reference, when to expect contact, and whether it was urgent. */
public record Submission(InquiryId id, String reference, Instant respondBy, ZoneId zone, boolean urgent, boolean minor,
        CrisisFinding crisisFinding, boolean afterHours, boolean repeat) {}
