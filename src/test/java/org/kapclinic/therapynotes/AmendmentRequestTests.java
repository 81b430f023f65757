// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** A patient's amendment request (ONC 170.315(d)(4)): accepted or denied, both audited; the portal shows only their own. */
@ClinicIntegrationTest
class AmendmentRequestTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    AmendmentRequests requests;

    @Autowired
    TherapyNotes notes;

    @Autowired
    NoteWorklist worklist;

    @Autowired
    JdbcClient jdbc;

    long audited(String action, NoteFixture f) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND patient_id = :p")
                .param("a", action).param("p", f.patient().value()).query(Long.class).single();
    }

    @Test
    void anAcceptedRequestAppendsTheAmendmentLinkedToItAndBothStepsAreAudited() {
        var f = NoteFixture.create(context);
        var note = f.signed(NoteType.PREPARATION);
        var patient = f.portalUser();
        var request = TestAccounts.runAs(patient, () -> requests.request(note, "My partner does not drive me.",
                "My sister drives me home."));
        assertThat(TestAccounts.runAs(f.therapist(), () -> worklist.mine()).requests())
                .extracting(p -> p.request().id()).contains(request);

        TestAccounts.runAs(f.therapist(), () -> requests.accept(request, "Corrected: the patient's sister drives."));
        var own = TestAccounts.runAs(patient, () -> requests.ownNote(note));
        assertThat(own.requests()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(AmendmentRequest.Status.ACCEPTED);
            assertThat(r.decidedByName()).isEqualTo(f.therapist().displayName());
        });
        assertThat(own.amendments()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(NoteAmendment.Kind.REQUEST_ACCEPTED);
            assertThat(a.requestId()).isEqualTo(request);
            assertThat(a.body()).isEqualTo("Corrected: the patient's sister drives.");
        });
        assertThat(audited("NOTE_AMENDMENT_REQUESTED", f)).isEqualTo(1);
        assertThat(audited("NOTE_AMENDMENT_REQUEST_ACCEPTED", f)).isEqualTo(1);
        assertThat(TestAccounts.runAs(f.therapist(), () -> worklist.mine()).requests())
                .extracting(p -> p.request().id()).doesNotContain(request);
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> requests.deny(request, "Too late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already accepted");
    }

    @Test
    void aDeniedRequestAppendsTheRequestAndTheReasonAndThePatientMayDisagree() {
        var f = NoteFixture.create(context);
        var note = f.signed(NoteType.DOSING_SUPPORT);
        var patient = f.portalUser();
        var request = TestAccounts.runAs(patient, () -> requests.request(note, "I was not anxious.",
                "I was calm throughout."));
        var colleague = TestAccounts.create(context, Role.THERAPIST);
        assertThatThrownBy(() -> TestAccounts.runAs(colleague, () -> requests.deny(request, " ")))
                .hasMessageStartingWith("denialReason:");
        TestAccounts.runAs(colleague, () -> requests.deny(request, "The observations record what the nurse saw."));
        TestAccounts.runAs(patient, () -> requests.disagree(request, "I still disagree: I felt calm."));
        assertThatThrownBy(() -> TestAccounts.runAs(patient, () -> requests.disagree(request, "Again.")))
                .isInstanceOf(IllegalStateException.class);

        var page = TestAccounts.runAs(f.therapist(), () -> notes.page(note));
        assertThat(page.amendments()).extracting(NoteAmendment::kind)
                .containsExactly(NoteAmendment.Kind.REQUEST_DENIED, NoteAmendment.Kind.DISAGREEMENT);
        assertThat(page.amendments().get(0).reason()).isEqualTo("The observations record what the nurse saw.");
        assertThat(page.amendments().get(0).body()).contains("I was not anxious.").contains("I was calm throughout.");
        assertThat(page.requests()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(AmendmentRequest.Status.DENIED);
            assertThat(r.disagreement()).isEqualTo("I still disagree: I felt calm.");
        });
        assertThat(audited("NOTE_AMENDMENT_REQUEST_DENIED", f)).isEqualTo(1);
        assertThat(audited("NOTE_AMENDMENT_DISAGREEMENT_ADDED", f)).isEqualTo(1);
    }

    @Test
    void aPatientSeesNeitherAnotherPatientsNotesNorTheirOwnDraftsAndARefusalIsAudited() {
        var mine = NoteFixture.create(context);
        var theirs = NoteFixture.create(context);
        var patient = mine.portalUser();
        var ownSigned = mine.signed(NoteType.PREPARATION);
        var ownDraft = mine.draft(NoteType.INTEGRATION);
        var other = theirs.signed(NoteType.PREPARATION);

        assertThat(TestAccounts.runAs(patient, () -> requests.ownNotes())).extracting(Note::id)
                .containsExactly(ownSigned);
        assertThatThrownBy(() -> TestAccounts.runAs(patient, () -> requests.ownNote(other)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestAccounts.runAs(patient, () -> requests.request(other, "x", "y")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestAccounts.runAs(patient, () -> requests.ownNote(ownDraft)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(audited("NOTE_ACCESS_DENIED", theirs)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note_amendment_request WHERE note_id = :n")
                .param("n", other.value()).query(Long.class).single()).isZero();
    }

    @Test
    void aRequestNeedsWhatIsWrongAndWhatItShouldSay() {
        var f = NoteFixture.create(context);
        var note = f.signed(NoteType.PREPARATION);
        var patient = f.portalUser();
        assertThatThrownBy(() -> TestAccounts.runAs(patient, () -> requests.request(note, "", "Fix it")))
                .hasMessageStartingWith("whatIsWrong:");
        assertThatThrownBy(() -> TestAccounts.runAs(patient, () -> requests.request(note, "Wrong", null)))
                .hasMessageStartingWith("shouldSay:");
    }
}
