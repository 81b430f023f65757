// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** The patient's own export leaves psychotherapy notes out unless policy allows; the admin's full export marks them. */
@ClinicIntegrationTest
class NoteExportTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TherapyNotes notes;

    @Autowired
    NoteSettings settings;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void policyBackToDefault() {
        settings.psychotherapyNotesInPatientExports(false);
    }

    @Test
    void thePortalExportLeavesOutPsychotherapyNotesUnlessPolicyAllows() throws Exception {
        var f = NoteFixture.create(context);
        f.signed(NoteType.PREPARATION);
        f.signed(NoteType.PSYCHOTHERAPY);
        f.draft(NoteType.INTEGRATION);
        var patient = f.portalUser();

        var text = mvc.perform(get("/portal/notes/export").with(TestAccounts.as(patient))).andReturn().getResponse();
        assertThat(text.getStatus()).isEqualTo(200);
        assertThat(text.getHeader("Content-Disposition")).contains("attachment");
        assertThat(text.getContentAsString()).contains("Preparation note").contains("Synthetic intentions.")
                .doesNotContain("Psychotherapy note").doesNotContain("Synthetic note.")
                .doesNotContain("Integration note");
        assertThat(TestAccounts.runAs(f.therapist(), () -> notes.forPatientExport(f.patient(),
                ExportedNote.Audience.PATIENT))).extracting(e -> e.note().type()).containsExactly(NoteType.PREPARATION);

        settings.psychotherapyNotesInPatientExports(true);
        assertThat(mvc.perform(get("/portal/notes/export").with(TestAccounts.as(patient))).andReturn().getResponse()
                .getContentAsString()).contains("Psychotherapy note").contains("Synthetic note.");
        // the portal's list still never shows them
        assertThat(TestAccounts.runAs(patient, () -> context.getBean(AmendmentRequests.class).ownNotes()))
                .extracting(Note::type).containsExactly(NoteType.PREPARATION);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'NOTES_EXPORTED' AND patient_id = :p")
                .param("p", f.patient().value()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theAdminExportHoldsEveryNoteWithPsychotherapyNotesMarkedAndIsAudited() throws Exception {
        var f = NoteFixture.create(context);
        var psychotherapy = f.signed(NoteType.PSYCHOTHERAPY);
        var draft = f.draft(NoteType.PREPARATION);
        var admin = TestAccounts.create(context, Role.ADMIN);
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'NOTES_EXPORTED_CLINIC'")
                .query(Long.class).single();
        var response = mvc.perform(get("/admin/notes-export").with(TestAccounts.as(admin))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        var lines = response.getContentAsString().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(psychotherapy.toString())
                .contains("\"psychotherapyNote\":true").contains("\"status\":\"SIGNED\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(draft.toString()).contains("\"status\":\"DRAFT\"")
                .contains("\"psychotherapyNote\":false"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'NOTES_EXPORTED_CLINIC'")
                .query(Long.class).single()).isEqualTo(before + 1);

        assertThat(TestAccounts.runAs(admin, () -> notes.forPatientExport(f.patient(), ExportedNote.Audience.CLINIC)))
                .anySatisfy(e -> assertThat(e.psychotherapyNote()).isTrue());
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> notes.forPatientExport(f.patient(),
                ExportedNote.Audience.CLINIC))).isInstanceOf(AccessDeniedException.class);
    }
}
