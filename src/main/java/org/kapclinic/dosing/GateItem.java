// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

/**
 * The pre-dose checklist (issue 6; label pre-dose checks, REFERENCE 1.3 and 2.2). Confirmed items are what the nurse
 * attests at the chair; the others are read from the modules that own them.
 */
public enum GateItem {
    IDENTITY("Identity confirmed with two identifiers (name and date of birth)", true),
    CONSENT("Consents on file and current", false),
    REMS_PATIENT("Patient enrolled in the Spravato REMS", false),
    REMS_SETTING("This setting's REMS certification on file", false),
    MEDICATIONS_RECONCILED("Medications and allergies reconciled today", false),
    CO_MEDICATIONS("Sedating or BP-raising co-medications noted", true),
    FASTING("No food for 2 hours and no liquids for 30 minutes", true),
    TRANSPORT("Transport home confirmed", true),
    PREGNANCY("Pregnancy status", true),
    MOOD_TODAY("Today's mood rating done", false),
    ASQ_TODAY("Today's ASQ suicide-risk screen done", false),
    CLEARANCE("Safety clearance passes", false),
    VITALS("Pre-dose BP, heart rate and SpO2 recorded", false),
    WEIGHT("Weight today (weight-based dose)", false);

    private final String label;
    private final boolean confirmed;

    GateItem(String label, boolean confirmed) {
        this.label = label;
        this.confirmed = confirmed;
    }

    public String label() {
        return label;
    }

    /** True for what the nurse attests on the gate form. */
    public boolean confirmed() {
        return confirmed;
    }
}
