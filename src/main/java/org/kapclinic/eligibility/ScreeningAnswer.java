// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One screening item's answer for an evaluation; a present relative item carries the prescriber's sign-off reason. */
public record ScreeningAnswer(ScreeningItem item, boolean present, @Nullable String signoffReason, Instant answeredAt,
        String answeredBy) {}
