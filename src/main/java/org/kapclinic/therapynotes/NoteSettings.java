// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The notes policy (README settings table). {@code kap.therapy-notes.psychotherapy-notes-in-patient-exports}, default
 * false: psychotherapy notes are left out of everything patient-facing (the portal, the patient's export, FHIR). A
 * clinic whose policy lets patients have them turns it on; the portal's note list still never shows them.
 */
@Component
class NoteSettings {

    private volatile boolean psychotherapyNotesInPatientExports;

    NoteSettings(@Value("${kap.therapy-notes.psychotherapy-notes-in-patient-exports:false}") boolean inExports) {
        this.psychotherapyNotesInPatientExports = inExports;
    }

    boolean psychotherapyNotesInPatientExports() {
        return psychotherapyNotesInPatientExports;
    }

    /** Tests turn the policy on and off without a second application context. */
    void psychotherapyNotesInPatientExports(boolean allowed) {
        this.psychotherapyNotesInPatientExports = allowed;
    }
}
