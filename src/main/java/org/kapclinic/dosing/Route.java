// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import org.kapclinic.eligibility.Modality;

/** How the dose is given. Nasal is esketamine (Spravato); every other route is racemic ketamine. */
public enum Route {
    NASAL("Esketamine nasal spray"),
    IV("Ketamine IV infusion"),
    IM("Ketamine IM injection"),
    SUBLINGUAL("Ketamine sublingual"),
    ORAL("Ketamine oral");

    private final String label;

    Route(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean esketamine() {
        return this == NASAL;
    }

    public boolean weightBased() {
        return this == IV || this == IM;
    }

    /** The route a booked modality implies; oral is chosen on the administration form for the sublingual modality. */
    public static Route of(Modality modality) {
        return switch (modality) {
            case ESKETAMINE -> NASAL;
            case IV_KETAMINE -> IV;
            case IM_KETAMINE -> IM;
            case SUBLINGUAL_KETAMINE -> SUBLINGUAL;
        };
    }

    public boolean fits(Modality modality) {
        return modality == Modality.SUBLINGUAL_KETAMINE ? this == SUBLINGUAL || this == ORAL : this == of(modality);
    }
}
