// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.time.LocalDate;
import java.util.UUID;

/** A manufacturer's lot of a product, with its expiry date. */
public record Lot(UUID id, Product product, String lotNumber, LocalDate expiry) {

    public boolean expiredOn(LocalDate day) {
        return expiry.isBefore(day);
    }
}
