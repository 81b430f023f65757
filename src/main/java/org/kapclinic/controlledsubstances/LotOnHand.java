// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A lot with stock at a location: what a nurse may draw from for a dosing session. {@code unit} is its label ("mL"). */
public record LotOnHand(UUID lotId, UUID productId, String product, Substance substance, String unit, BigDecimal mgPerUnit,
        String lotNumber, LocalDate expiry, UUID locationId, BigDecimal balance) {}
