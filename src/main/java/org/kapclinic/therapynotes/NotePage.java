// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.AssessmentView;
import org.kapclinic.dosing.EndedSessions;
import org.kapclinic.patients.PatientView;
import org.kapclinic.scheduling.Appointment;

/**
 * The note page: the note with what is appended to it and, for its author's draft, what it can link to (the patient's
 * appointments, ended dosing sessions and the measures taken on the note's day).
 */
public record NotePage(Note note, PatientView patient, @Nullable Appointment appointment,
        List<NoteAmendment> amendments, List<AmendmentRequest> requests, boolean editable, boolean mayAmend,
        List<Appointment> appointments, List<EndedSessions.Ended> sessions, LocalDate day,
        List<AssessmentView> measuresOfDay) {}
