// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the administration form sends. Esketamine: {@code mg} (28, 56 or 84). IV/IM: {@code mgPerKg} (IV also
 * {@code infusionMinutes}). Sublingual/oral: {@code mg}. A prescriber may put {@code orderReason} to order a dose
 * outside the plan or limits in the same step. {@code lotId} is a lot on hand at the location in the
 * controlled-substance ledger: the dose is drawn from it.
 */
public record AdministrationForm(Route route, @Nullable BigDecimal mg, @Nullable BigDecimal mgPerKg,
        @Nullable Integer infusionMinutes, @Nullable UUID lotId,
        @Nullable String administeredBy, @Nullable String observedBy, @Nullable String orderReason) {}
