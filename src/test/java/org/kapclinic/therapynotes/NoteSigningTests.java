// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.assessments.Channel;
import org.kapclinic.dosing.DosingFixture;
import org.kapclinic.dosing.DosingSessions;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Drafts, signing and locking, amendments and the NoteSigned event, on H2 and PostgreSQL. */
@ClinicIntegrationTest
@RecordApplicationEvents
class NoteSigningTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TherapyNotes notes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    long audited(String action, NoteFixture f) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND patient_id = :p")
                .param("a", action).param("p", f.patient().value()).query(Long.class).single();
    }

    @Test
    void aSignedNoteIsLockedAgainstEditsAndASecondSigning() {
        var f = NoteFixture.create(context);
        var id = f.signed(NoteType.PREPARATION);
        var signed = TestAccounts.runAs(f.therapist(), () -> notes.view(id));
        assertThat(signed.signed()).isTrue();
        assertThat(signed.signedAt()).isNotNull();
        assertThat(signed.signedBy()).isEqualTo(f.therapist().email());

        var changed = new NoteDraft(Map.of("intentions", "Rewritten after signing"), List.of(), null, null,
                signed.version());
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> notes.save(id, changed)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("signed and locked");
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> notes.sign(id,
                new NoteDraft(NoteFixture.complete(NoteType.PREPARATION), List.of(), null, null, signed.version()))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(TestAccounts.runAs(f.therapist(), () -> notes.view(id)).section("intentions"))
                .isEqualTo("Synthetic intentions.");
        assertThat(audited("NOTE_SIGNED", f)).isEqualTo(1);
    }

    @Test
    void anAmendmentIsAppendedWithWhoWhenAndWhyAndTheNoteStaysAsSigned() {
        var f = NoteFixture.create(context);
        var id = f.signed(NoteType.PREPARATION);
        var colleague = TestAccounts.create(context, Role.PRESCRIBER);
        var amendment = TestAccounts.runAs(colleague, () -> notes.amend(id, "Wrong driver recorded",
                "The patient's sister drives her home, not her partner."));
        assertThat(amendment.addedBy()).isEqualTo(colleague.email());
        assertThat(amendment.addedByName()).isEqualTo(colleague.displayName());
        assertThat(amendment.addedAt()).isNotNull();
        assertThat(amendment.reason()).isEqualTo("Wrong driver recorded");
        assertThat(amendment.kind()).isEqualTo(NoteAmendment.Kind.CORRECTION);
        var page = TestAccounts.runAs(f.therapist(), () -> notes.page(id));
        assertThat(page.amendments()).extracting(NoteAmendment::body)
                .containsExactly("The patient's sister drives her home, not her partner.");
        assertThat(page.note().section("setAndSetting")).isEqualTo("Synthetic set and setting.");
        assertThat(audited("NOTE_AMENDED", f)).isEqualTo(1);

        assertThatThrownBy(() -> TestAccounts.runAs(colleague, () -> notes.amend(id, "", "text")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reason:");
        assertThatThrownBy(() -> TestAccounts.runAs(colleague, () -> notes.amend(id, "why", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("text:");
    }

    @Test
    void aDraftCannotBeAmended() {
        var f = NoteFixture.create(context);
        var id = f.draft(NoteType.PREPARATION);
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> notes.amend(id, "why", "text")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("draft");
        assertThat(audited("NOTE_AMENDED", f)).isZero();
    }

    @Test
    void aSecondTabSavingFromAnOlderVersionIsRefusedAndOverwritesNothing() {
        var f = NoteFixture.create(context);
        var id = f.draft(NoteType.PSYCHOTHERAPY);
        TestAccounts.runAs(f.therapist(), () -> notes.save(id,
                new NoteDraft(Map.of("note", "First tab's text"), List.of(), null, null, 0)));
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> notes.save(id,
                new NoteDraft(Map.of("note", "Second tab's text"), List.of(), null, null, 0))))
                .isInstanceOf(NoteChangedConcurrently.class).hasMessageContaining("another tab");
        var note = TestAccounts.runAs(f.therapist(), () -> notes.view(id));
        assertThat(note.section("note")).isEqualTo("First tab's text");
        assertThat(note.version()).isEqualTo(1);
    }

    @Test
    void signingNamesEveryMissingRequiredSectionWhileADraftMayBeIncomplete() {
        var f = NoteFixture.create(context);
        var id = f.draft(NoteType.PREPARATION);
        var partial = Map.of("intentions", "To feel less stuck.", "readiness", NoteRules.NOT_YET_READY);
        var saved = TestAccounts.runAs(f.therapist(), () -> notes.save(id, new NoteDraft(partial, List.of(), null,
                null, 0)));
        assertThat(saved.section("intentions")).isEqualTo("To feel less stuck.");
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> notes.sign(id,
                new NoteDraft(partial, List.of(), null, null, saved.version()))))
                .isInstanceOfSatisfying(NoteIncomplete.class, e -> assertThat(e.fields()).containsOnlyKeys(
                        "expectations", "setAndSetting", "consentReview", "readinessReason"));
        assertThat(TestAccounts.runAs(f.therapist(), () -> notes.view(id)).signed()).isFalse();
    }

    @Test
    void aSectionLongerThanItsLimitIsRefusedNamingTheSection() {
        var f = NoteFixture.create(context);
        var id = f.draft(NoteType.DOSING_SUPPORT);
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> notes.save(id,
                new NoteDraft(Map.of("themes", "x".repeat(4001)), List.of(), null, null, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("themes: use at most 4000");
    }

    @Test
    void signingPublishesNoteSignedHeldAtTheAppointmentsStart() {
        var f = NoteFixture.create(context);
        var appointment = f.therapyAppointment();
        var id = TestAccounts.runAs(f.therapist(), () -> notes.start(f.patient(), NoteType.PSYCHOTHERAPY,
                appointment.id()));
        TestAccounts.runAs(f.therapist(), () -> notes.sign(id, new NoteDraft(Map.of("note", "Synthetic session."),
                List.of(), appointment.id(), null, 0)));
        var signed = events.stream(NoteEvents.NoteSigned.class).filter(e -> e.noteId().equals(id.value())).toList();
        assertThat(signed).singleElement().satisfies(e -> {
            assertThat(e.patientId()).isEqualTo(f.patient().value());
            assertThat(e.type()).isEqualTo("PSYCHOTHERAPY");
            assertThat(e.appointmentId()).isEqualTo(appointment.id());
            assertThat(e.heldAt()).isEqualTo(appointment.startsAt());
            assertThat(e.dosingSessionId()).isNull();
            assertThat(e.authorId()).isEqualTo(f.therapist().id().value());
        });
    }

    @Test
    void anIntegrationNoteNeedsItsDosingSessionAndItsEventNamesIt() {
        var d = DosingFixture.open(context, Modality.ESKETAMINE, 3);
        TestAccounts.runAs(d.nurse(), () -> context.getBean(DosingSessions.class).endWithoutDose(d.session(),
                "Patient declined today."));
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var id = TestAccounts.runAs(therapist, () -> notes.start(d.patient(), NoteType.INTEGRATION, null));
        var sections = NoteFixture.complete(NoteType.INTEGRATION);
        assertThatThrownBy(() -> TestAccounts.runAs(therapist, () -> notes.sign(id,
                new NoteDraft(sections, List.of(), null, null, 0))))
                .isInstanceOfSatisfying(NoteIncomplete.class, e -> assertThat(e.fields()).containsKey("dosingSession"));
        var page = TestAccounts.runAs(therapist, () -> notes.page(id));
        assertThat(page.sessions()).extracting(s -> s.id()).containsExactly(d.session());
        TestAccounts.runAs(therapist, () -> notes.sign(id, new NoteDraft(sections, List.of(), null, d.session(), 0)));
        assertThat(events.stream(NoteEvents.NoteSigned.class).filter(e -> e.noteId().equals(id.value())))
                .singleElement().satisfies(e -> assertThat(e.dosingSessionId()).isEqualTo(d.session()));
    }

    @Test
    void theMeasuresTickedAreCopiedIntoTheNoteWhenItIsSigned() {
        var f = NoteFixture.create(context);
        var phq9 = TestAccounts.runAs(f.team().prescriber(), () -> context.getBean(Assessments.class)
                .recordByClinician(f.patient(), "phq9", Map.of("1", 2, "2", 2, "3", 1, "4", 2, "5", 1, "6", 1, "7", 1,
                        "8", 0, "9", 0), null, Channel.CLINICIAN));
        var id = f.draft(NoteType.PSYCHOTHERAPY);
        var page = TestAccounts.runAs(f.therapist(), () -> notes.page(id));
        assertThat(page.measuresOfDay()).extracting(a -> a.id()).contains(phq9.id());
        var signed = TestAccounts.runAs(f.therapist(), () -> notes.sign(id, new NoteDraft(Map.of("note", "Session."),
                List.of(phq9.id().value()), null, null, 0)));
        assertThat(signed.measures()).singleElement().satisfies(m -> {
            assertThat(m.instrument()).isEqualTo("phq9");
            assertThat(m.score()).isEqualTo(10);
            assertThat(m.band()).isEqualTo(phq9.severity());
        });
    }
}
