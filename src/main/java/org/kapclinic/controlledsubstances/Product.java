// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A CIII product in the catalogue: Spravato 28 mg device, ketamine HCl 50 mg/mL (counted in mL), a 100 mg troche. */
public record Product(UUID id, Substance substance, String name, @Nullable String ndc, Unit unit, BigDecimal mgPerUnit) {

    /** Strength and form as the dispensing log prints them (21 CFR 1304.22(c)): "28 mg per device", "50 mg per mL". */
    public String strength() {
        return mgPerUnit.stripTrailingZeros().toPlainString() + " mg per " + unit.label();
    }
}
