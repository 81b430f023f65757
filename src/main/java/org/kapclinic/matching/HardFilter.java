// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

/**
 * Conditions a therapist must meet before any score: REFERENCE.md 8.1 (licensure in the client's state, accepting
 * clients, modality) and the domain's extra factor (KAP / psychedelic-integration training for ketamine treatments).
 */
public enum HardFilter {
    LICENSED_IN_STATE,
    ACCEPTING_NEW_CLIENTS,
    CASELOAD_FULL,
    MODALITY,
    KAP_TRAINED;

    /** What excluded everyone, for the "no match" message. */
    public String summary(MatchRequest request) {
        return switch (this) {
            case LICENSED_IN_STATE -> "licensed in " + request.state();
            case ACCEPTING_NEW_CLIENTS -> "accepting new clients";
            case CASELOAD_FULL -> "room in the caseload";
            case MODALITY -> request.modality().equals("in-person") ? "an in-person location" : "telehealth";
            case KAP_TRAINED -> "trained in ketamine-assisted psychotherapy";
        };
    }
}
