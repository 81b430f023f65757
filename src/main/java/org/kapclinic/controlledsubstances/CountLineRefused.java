// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.io.Serial;
import java.util.UUID;

/** A count refused because of one lot's line; the count sheet shows the message on that lot's row. */
class CountLineRefused extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID lot;

    CountLineRefused(UUID lot, String message) {
        super("counted: " + message);
        this.lot = lot;
    }

    UUID lot() {
        return lot;
    }
}
