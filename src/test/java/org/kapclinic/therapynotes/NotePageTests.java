// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The note pages through MVC: refusals come back next to their field with what was typed; locked notes are read-only. */
@ClinicIntegrationTest
class NotePageTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, org.kapclinic.security.ClinicUser user)
            throws Exception {
        return mvc.perform(request.with(csrf()).with(TestAccounts.as(user)).accept(MediaType.TEXT_HTML)).andReturn()
                .getResponse();
    }

    @Test
    void signingAnIncompleteNoteNamesEachMissingSectionNextToItAndKeepsTheText() throws Exception {
        var f = NoteFixture.create(context);
        var id = f.draft(NoteType.PREPARATION);
        var page = send(post("/notes/{id}/sign", id.value()).param("version", "0")
                .param("intentions", "To enjoy cooking again <3").param("readiness", NoteRules.NOT_YET_READY), f.therapist());
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("To enjoy cooking again &lt;3")
                .contains("Fill in expectations and fears before signing.")
                .contains("Say why the patient is not yet ready.").contains("Not signed: fill in");
        var note = send(get("/notes/{id}", id.value()), f.therapist()).getContentAsString();
        assertThat(note).contains("Draft").doesNotContain("To enjoy cooking again");
    }

    @Test
    void aSavedDraftAndTheSecondTabsRefusalKeepWhatWasTyped() throws Exception {
        var f = NoteFixture.create(context);
        var id = f.draft(NoteType.PSYCHOTHERAPY);
        var saved = send(post("/notes/{id}", id.value()).param("version", "0").param("note", "First tab"),
                f.therapist());
        assertThat(saved.getStatus()).isEqualTo(302);
        var stale = send(post("/notes/{id}", id.value()).param("version", "0").param("note", "Second tab"),
                f.therapist());
        assertThat(stale.getStatus()).isEqualTo(200);
        assertThat(stale.getContentAsString()).contains("saved in another tab or window").contains("Second tab");
    }

    @Test
    void aTooLongSectionIsRefusedNextToItsField() throws Exception {
        var f = NoteFixture.create(context);
        var id = f.draft(NoteType.INTEGRATION);
        var page = send(post("/notes/{id}", id.value()).param("version", "0").param("insights", "y".repeat(4001))
                .param("experience", "Floating"), f.therapist());
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("use at most 4000 characters (4001 now)").contains("Floating");
    }

    @Test
    void aSignedNoteShowsReadOnlyWithTheAmendmentForm() throws Exception {
        var f = NoteFixture.create(context);
        var id = f.signed(NoteType.PREPARATION);
        var page = send(get("/notes/{id}", id.value()), f.therapist()).getContentAsString();
        assertThat(page).contains("Signed").contains("Synthetic intentions.").doesNotContain("Sign and lock")
                .doesNotContain("<textarea id=\"intentions\"").contains("Add an amendment");
        var refused = send(post("/notes/{id}/amendments", id.value()).param("text", "Typed amendment"),
                f.therapist());
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("say why the note is amended.").contains("Typed amendment");
        var nurse = TestAccounts.create(context, Role.NURSE);
        assertThat(send(get("/notes/{id}", id.value()), nurse).getContentAsString()).contains("Synthetic intentions.")
                .doesNotContain("Add an amendment");
    }

    @Test
    void startingANoteWithoutATypeAsksForOne() throws Exception {
        var f = NoteFixture.create(context);
        var page = send(post("/patients/{p}/notes", f.patient().value()).param("type", ""), f.therapist());
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("choose the type of note.");
        var started = send(post("/patients/{p}/notes", f.patient().value()).param("type", "INTEGRATION"),
                f.therapist());
        assertThat(started.getRedirectedUrl()).startsWith("/notes/");
    }

    @Test
    void aDeniedOpenOfAPsychotherapyNoteAnswers403WithoutItsText() throws Exception {
        var f = NoteFixture.create(context);
        var id = f.signed(NoteType.PSYCHOTHERAPY);
        var other = TestAccounts.create(context, Role.THERAPIST);
        var page = send(get("/notes/{id}", id.value()), other);
        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(page.getContentAsString()).doesNotContain("Synthetic note.");
    }

    @Test
    void thePatientsEmptyRequestComesBackWithTheMessageAndTheirText() throws Exception {
        var f = NoteFixture.create(context);
        var id = f.signed(NoteType.PREPARATION);
        var patient = f.portalUser();
        var page = send(post("/portal/notes/{id}/amendment-requests", id.value()).param("whatIsWrong", "The driver")
                .param("shouldSay", ""), patient);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("say what the note should say instead.").contains("The driver");
        var list = send(get("/portal/notes"), patient).getContentAsString();
        assertThat(list).contains("Preparation note");
    }

    @Test
    void theWorklistShowsDraftsPastSessionsWithoutANoteAndPendingRequests() throws Exception {
        var f = NoteFixture.create(context);
        var appointment = f.therapyAppointment();
        var draft = f.draft(NoteType.PREPARATION);
        var signed = f.signed(NoteType.PREPARATION);
        TestAccounts.runAs(f.portalUser(), () -> context.getBean(AmendmentRequests.class).request(signed,
                "Wrong date", "The right date"));
        try {
            TestClock.INSTANCE.pin(appointment.startsAt().plusSeconds(86_400));
            var page = send(get("/notes"), f.therapist()).getContentAsString();
            assertThat(page).contains(f.team().family()).contains("/notes/" + draft.value())
                    .contains("appointment=" + appointment.id()).contains("/notes/" + signed.value() + "#requests");
            var list = send(get("/patients/{p}/notes", f.patient().value()).param("appointment",
                    appointment.id().toString()), f.therapist()).getContentAsString();
            // the appointment is chosen, and the type its kind usually gets (a therapy session: psychotherapy note)
            assertThat(list.replaceAll("\\s+", " ")).contains("value=\"" + appointment.id() + "\" selected")
                    .contains("value=\"PSYCHOTHERAPY\" selected");
        } finally {
            TestClock.INSTANCE.reset();
        }
    }

    @Test
    void anAdminChoosingTheClinicianAsTheirOwnSupervisorIsToldWhy() throws Exception {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var admin = TestAccounts.create(context, Role.ADMIN);
        var page = send(post("/staff/{id}/supervisor", therapist.id().value()).param("supervisor",
                therapist.id().value().toString()), admin);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("a clinician cannot supervise themselves.");
    }
}
