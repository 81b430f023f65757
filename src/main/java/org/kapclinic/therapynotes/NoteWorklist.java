// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.ClinicianAppointments;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinician's notes worklist: their drafts to sign, their past sessions of the last {@link #LOOK_BACK} without a
 * note (preparation, integration, therapy, evaluation, and dosing sessions they were assigned to), and patients'
 * pending amendment requests on notes they wrote or on their care-team patients.
 */
@Service
@Transactional
public class NoteWorklist {

    static final Duration LOOK_BACK = Duration.ofDays(60);
    private static final List<AppointmentType> NOTED = List.of(AppointmentType.PREPARATION, AppointmentType.DOSING,
            AppointmentType.INTEGRATION, AppointmentType.THERAPY, AppointmentType.EVALUATION);

    /** A pending request with the note it is about. */
    public record PendingRequest(AmendmentRequest request, Note note) {}

    public record Worklist(List<Note> drafts, List<Appointment> withoutNote, List<PendingRequest> requests,
            Map<UUID, PatientDirectory.Label> patients) {

        public String name(UUID patient) {
            var label = patients.get(patient);
            return label == null ? "Patient" : label.name();
        }
    }

    private final NoteRepository repository;
    private final NoteAccess access;
    private final ClinicianAppointments appointments;
    private final PatientDirectory directory;

    NoteWorklist(NoteRepository repository, NoteAccess access, ClinicianAppointments appointments,
            PatientDirectory directory) {
        this.repository = repository;
        this.access = access;
        this.appointments = appointments;
        this.directory = directory;
    }

    @PreAuthorize(NoteAccess.WRITERS)
    public Worklist mine() {
        var me = access.me();
        var now = access.now();
        var drafts = repository.draftsBy(me);
        var past = appointments.mine(NOTED, now.minus(LOOK_BACK), now);
        var noted = repository.notedAppointments(past.stream().map(Appointment::id).toList());
        var withoutNote = past.stream().filter(a -> !noted.contains(a.id())).toList();
        var pending = repository.pendingRequests().stream()
                .map(r -> new PendingRequest(r, repository.find(r.noteId()).orElseThrow(NoteNotFound::new)))
                .toList();
        var patientIds = new LinkedHashSet<UUID>();
        drafts.forEach(n -> patientIds.add(n.patientId().value()));
        withoutNote.forEach(a -> patientIds.add(a.patientId()));
        pending.forEach(p -> patientIds.add(p.note().patientId().value()));
        var labels = directory.labels(patientIds);
        var mine = pending.stream().filter(p -> p.note().authorId().equals(me) || careTeam(labels, p, me)).toList();
        var shown = new LinkedHashSet<UUID>();
        drafts.forEach(n -> shown.add(n.patientId().value()));
        withoutNote.forEach(a -> shown.add(a.patientId()));
        mine.forEach(p -> shown.add(p.note().patientId().value()));
        shown.forEach(p -> access.record(AuditRecord.patient("NOTE_WORKLIST_VIEWED", p)));
        return new Worklist(drafts, withoutNote, mine, labels);
    }

    private static boolean careTeam(Map<UUID, PatientDirectory.Label> labels, PendingRequest p, UUID me) {
        var label = labels.get(p.note().patientId().value());
        return label != null && (me.equals(label.careTeam().therapistId()) || me.equals(label.careTeam().prescriberId()));
    }
}
