// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import org.jspecify.annotations.Nullable;

/** One set of readings. A blank is a reading not taken, never a zero. */
public record Vitals(@Nullable Integer systolic, @Nullable Integer diastolic, @Nullable Integer heartRate,
        @Nullable Integer spo2, @Nullable Integer respRate) {

    public Vitals {
        range("systolic", systolic, 50, 300);
        range("diastolic", diastolic, 20, 200);
        range("heartRate", heartRate, 20, 250);
        range("spo2", spo2, 50, 100);
        range("respRate", respRate, 2, 60);
        if ((systolic == null) != (diastolic == null)) {
            throw new IllegalArgumentException((systolic == null ? "systolic" : "diastolic")
                    + ": enter both numbers of the blood pressure.");
        }
        if (systolic != null && diastolic != null && diastolic >= systolic) {
            throw new IllegalArgumentException("diastolic: the diastolic must be below the systolic.");
        }
    }

    public @Nullable String bloodPressure() {
        return systolic == null ? null : systolic + "/" + diastolic;
    }

    public boolean hasPreDoseSet() {
        return systolic != null && heartRate != null && spo2 != null;
    }

    private static void range(String field, @Nullable Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(field + ": " + value + " is not a possible reading; enter "
                    + min + "-" + max + ".");
        }
    }
}
