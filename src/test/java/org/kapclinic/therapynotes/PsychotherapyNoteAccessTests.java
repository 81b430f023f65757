// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.security.UserId;
import org.kapclinic.staff.ClinicalSupervision;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Psychotherapy notes are read by their author and the author's clinical supervisor, and nobody else, whatever their
 * role: through the note itself, the patient's list, the timeline and the portal. A refused open is audited.
 */
@ClinicIntegrationTest
class PsychotherapyNoteAccessTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TherapyNotes notes;

    @Autowired
    AmendmentRequests portal;

    @Autowired
    NoteTimeline timeline;

    @Autowired
    JdbcClient jdbc;

    enum Reader {
        AUTHOR(true), SUPERVISOR(true), OTHER_THERAPIST(false), NURSE(false), PRESCRIBER(false), ADMIN(false),
        INTAKE_COORDINATOR(false), PATIENT(false);

        final boolean reads;

        Reader(boolean reads) {
            this.reads = reads;
        }
    }

    record Case(NoteFixture f, NoteId psychotherapy, NoteId preparation, ClinicUser supervisor) {}

    Case signedNotes() {
        var f = NoteFixture.create(context);
        var supervisor = f.supervisor();
        return new Case(f, f.signed(NoteType.PSYCHOTHERAPY), f.signed(NoteType.PREPARATION), supervisor);
    }

    ClinicUser reader(Reader reader, Case c) {
        return switch (reader) {
            case AUTHOR -> c.f().therapist();
            case SUPERVISOR -> c.supervisor();
            case OTHER_THERAPIST -> TestAccounts.create(context, Role.THERAPIST);
            case NURSE -> TestAccounts.create(context, Role.NURSE);
            // the patient's own prescriber, on the care team
            case PRESCRIBER -> c.f().team().prescriber();
            case ADMIN -> TestAccounts.create(context, Role.ADMIN);
            case INTAKE_COORDINATOR -> TestAccounts.create(context, Role.INTAKE_COORDINATOR);
            case PATIENT -> c.f().portalUser();
        };
    }

    long deniedAudits(Case c) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'NOTE_ACCESS_DENIED' AND patient_id = :p")
                .param("p", c.f().patient().value()).query(Long.class).single();
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void onlyTheAuthorAndTheirSupervisorReadAPsychotherapyNote(Reader reader) {
        var c = signedNotes();
        var user = reader(reader, c);
        long deniedBefore = deniedAudits(c);
        if (reader == Reader.PATIENT) {
            assertThatThrownBy(() -> TestAccounts.runAs(user, () -> portal.ownNote(c.psychotherapy())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(TestAccounts.runAs(user, () -> portal.ownNotes())).extracting(Note::id)
                    .containsExactly(c.preparation());
            assertThat(deniedAudits(c)).isEqualTo(deniedBefore + 1);
            return;
        }
        if (reader.reads) {
            assertThat(TestAccounts.runAs(user, () -> notes.view(c.psychotherapy())).section("note"))
                    .isEqualTo("Synthetic note.");
            assertThat(TestAccounts.runAs(user, () -> notes.forPatient(c.f().patient()))).extracting(Note::id)
                    .contains(c.psychotherapy(), c.preparation());
            assertThat(timeline(user, c)).anyMatch(t -> t.startsWith("Psychotherapy note"));
        } else {
            assertThatThrownBy(() -> TestAccounts.runAs(user, () -> notes.view(c.psychotherapy())))
                    .isInstanceOf(AccessDeniedException.class);
            if (EnumSet.of(Reader.OTHER_THERAPIST, Reader.NURSE, Reader.PRESCRIBER).contains(reader)) {
                assertThat(deniedAudits(c)).isEqualTo(deniedBefore + 1);
                // the same clinicians read the patient's other notes
                assertThat(TestAccounts.runAs(user, () -> notes.forPatient(c.f().patient()))).extracting(Note::id)
                        .containsExactly(c.preparation());
                assertThat(timeline(user, c)).noneMatch(t -> t.startsWith("Psychotherapy note"))
                        .anyMatch(t -> t.startsWith("Preparation note"));
            } else {
                // admins and intake coordinators are refused by role before any note is read
                assertThatThrownBy(() -> TestAccounts.runAs(user, () -> notes.forPatient(c.f().patient())))
                        .isInstanceOf(AccessDeniedException.class);
            }
        }
    }

    List<String> timeline(ClinicUser user, Case c) {
        return TestAccounts.runAs(user, () -> timeline.entries(c.f().patient(),
                new TimelineWindow(Instant.EPOCH, Instant.now().plusSeconds(86_400), EnumSet.of(TimelineKind.NOTE))))
                .stream().map(e -> e.title()).toList();
    }

    @Test
    void theSupervisorDoesNotReadTheAuthorsDraftAndOnlyTheAuthorAmends() {
        var f = NoteFixture.create(context);
        var supervisor = f.supervisor();
        var draft = f.draft(NoteType.PSYCHOTHERAPY);
        assertThatThrownBy(() -> TestAccounts.runAs(supervisor, () -> notes.view(draft)))
                .isInstanceOf(AccessDeniedException.class);
        var signed = f.signed(NoteType.PSYCHOTHERAPY);
        assertThatThrownBy(() -> TestAccounts.runAs(supervisor, () -> notes.amend(signed, "why", "text")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(TestAccounts.runAs(f.therapist(), () -> notes.amend(signed, "Clarified", "More text.")))
                .isNotNull();
    }

    @Test
    void aSupervisorIsAClinicianOtherThanTheSupervisee() {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var admin = TestAccounts.create(context, Role.ADMIN);
        var supervision = context.getBean(ClinicalSupervision.class);
        assertThatThrownBy(() -> TestAccounts.runAs(admin, () -> supervision.setSupervisor(therapist.id(),
                therapist.id()))).hasMessageStartingWith("supervisor: a clinician cannot supervise themselves");
        assertThatThrownBy(() -> TestAccounts.runAs(admin, () -> supervision.setSupervisor(therapist.id(),
                nurse.id()))).hasMessageStartingWith("supervisor: choose an active therapist or prescriber");
        assertThatThrownBy(() -> TestAccounts.runAs(therapist, () -> supervision.setSupervisor(therapist.id(),
                prescriber.id()))).isInstanceOf(AccessDeniedException.class);
        TestAccounts.runAs(admin, () -> supervision.setSupervisor(therapist.id(), prescriber.id()));
        assertThat(TestAccounts.runAs(therapist, () -> supervision.supervisorOf(therapist.id())))
                .contains(new UserId(prescriber.id().value()));
        TestAccounts.runAs(admin, () -> supervision.setSupervisor(therapist.id(), null));
        assertThat(TestAccounts.runAs(therapist, () -> supervision.supervisorOf(therapist.id()))).isEmpty();
    }
}
