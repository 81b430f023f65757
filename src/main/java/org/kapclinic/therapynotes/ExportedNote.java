// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.List;

/** A note as an export carries it: the note, what is appended to it, and whether it is a psychotherapy note. */
public record ExportedNote(Note note, List<NoteAmendment> amendments, List<AmendmentRequest> requests) {

    public boolean psychotherapyNote() {
        return note.type().protectedNote();
    }

    /** Who an export is for. */
    public enum Audience {
        /** The patient (portal, patient-facing FHIR): signed notes; psychotherapy notes only when policy allows. */
        PATIENT,
        /** The clinic's full export (admins): every note, drafts too, psychotherapy notes included and marked. */
        CLINIC
    }
}
