// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Patients' reflections: written for their own dosing appointments only, screened for crisis language with the alert
 * raised in the same transaction and crisis resources shown at once, bad input kept with a message next to the field.
 */
@ClinicIntegrationTest
class ReflectionsTests {

    static final Instant NOW = Instant.parse("2031-05-06T16:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Reflections reflections;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    record Portal(CareTeamFixture team, ClinicUser user) {}

    Portal portalPatient() {
        var team = CareTeamFixture.create(context);
        var invitation = TestAccounts.runAs(team.prescriber(), () -> context.getBean(Patients.class)
                .invitePortalAccount(team.patient()));
        return new Portal(team, TestAccounts.load(context, invitation.email()));
    }

    UUID location;

    UUID dosingAppointment(PatientId patient, Instant startsAt) {
        if (location == null) {
            var admin = TestAccounts.create(context, Role.ADMIN);
            location = TestAccounts.runAs(admin, () -> context.getBean(Locations.class)
                    .addLocation("Reflections " + UUID.randomUUID(), "5 Test St"));
        }
        var id = UUID.randomUUID();
        var start = OffsetDateTime.ofInstant(startsAt, ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO appointment (id, patient_id, type, label, modality, location_id, starts_at, ends_at, dose_at,
                    status, created_at, created_by, updated_at, updated_by, version)
                VALUES (:id, :p, 'DOSING', 'Dosing session', 'IV_KETAMINE', :l, :s, :e, :s, 'BOOKED', :s, 'test', :s,
                    'test', 0)""")
                .param("id", id).param("p", patient.value()).param("l", location).param("s", start)
                .param("e", start.plusHours(2)).update();
        return id;
    }

    long alerts(PatientId patient, String trigger) {
        return jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE patient_id = :p AND trigger_code = :t")
                .param("p", patient.value()).param("t", trigger).query(Long.class).single();
    }

    @Test
    void aPositiveReflectionRaisesAnUrgentAlertLinkedToThePatientAndShowsCrisisResourcesAtOnce() throws Exception {
        TestClock.INSTANCE.pin(NOW);
        var p = portalPatient();
        var appointment = dosingAppointment(p.team().patient(), NOW.minus(Duration.ofDays(1)));
        var page = mvc.perform(post("/portal/reflections/{a}", appointment).param("phase", "AFTER")
                .param("text", "Since the session I keep thinking about killing myself.")
                .with(TestAccounts.as(p.user())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Please reach out for help now").contains("role=\"alert\"")
                .contains("Your reflection is saved").contains("988").contains("911")
                .contains("741741").contains("emergency room")
                .doesNotContain("POSITIVE").doesNotContain("crisis screen").doesNotContain("evidence");

        var alert = jdbc.sql("SELECT id, inquiry_id, level FROM safety_alert WHERE patient_id = :p"
                        + " AND trigger_code = 'urgent-reflection'")
                .param("p", p.team().patient().value())
                .query((rs, n) -> Map.of("id", rs.getObject(1, UUID.class), "inquiry", String.valueOf(rs.getObject(2)),
                        "level", rs.getString(3)))
                .single();
        assertThat(alert.get("inquiry")).isEqualTo("null");
        assertThat(alert.get("level")).isEqualTo("SAME_DAY");
        var reflection = jdbc.sql("SELECT id FROM reflection WHERE patient_id = :p").param("p", p.team().patient().value())
                .query(UUID.class).single();
        var timeline = context.getBean(ReflectionTimeline.class).entries(p.team().patient(), new TimelineWindow(
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), java.util.Set.of(TimelineKind.REFLECTION)));
        assertThat(timeline).singleElement().satisfies(e -> {
            assertThat(e.attention()).isTrue();
            assertThat(e.title()).isEqualTo("Reflection, after the session (crisis screen positive)");
        });
        assertThat(jdbc.sql("SELECT source_type || ' ' || CAST(source_id AS VARCHAR(40)) FROM safety_finding"
                        + " WHERE alert_id = :a")
                .param("a", alert.get("id")).query(String.class).single()).isEqualTo("REFLECTION " + reflection);
    }

    @Test
    void theAlertIsWrittenInTheSameTransactionAsTheReflection() {
        TestClock.INSTANCE.pin(NOW);
        var p = portalPatient();
        var appointment = dosingAppointment(p.team().patient(), NOW.plus(Duration.ofDays(2)));
        TestAccounts.runAs(p.user(), () -> tx.executeWithoutResult(status -> {
            var written = reflections.write(appointment, ReflectionPhase.BEFORE, "I want to die.", Map.of());
            assertThat(written.crisis()).isTrue();
            assertThat(alerts(p.team().patient(), "urgent-reflection")).isEqualTo(1);
            status.setRollbackOnly();
        }));
        assertThat(alerts(p.team().patient(), "urgent-reflection")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reflection WHERE patient_id = :p").param("p", p.team().patient().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNegatedMentionRaisesARoutineReviewAndPlainWordsRaiseNothing() throws Exception {
        TestClock.INSTANCE.pin(NOW);
        var p = portalPatient();
        var appointment = dosingAppointment(p.team().patient(), NOW.plus(Duration.ofDays(2)));
        var negated = TestAccounts.runAs(p.user(), () -> reflections.write(appointment, ReflectionPhase.BEFORE,
                "I am not suicidal, just nervous about the dissociation.", Map.of()));
        assertThat(negated.crisis()).isFalse();
        assertThat(alerts(p.team().patient(), "negated-mention")).isEqualTo(1);
        assertThat(alerts(p.team().patient(), "urgent-reflection")).isZero();

        var other = portalPatient();
        var theirs = dosingAppointment(other.team().patient(), NOW.plus(Duration.ofDays(2)));
        mvc.perform(post("/portal/reflections/{a}", theirs).param("phase", "BEFORE")
                .param("text", "Hoping to feel lighter, and curious about the music.")
                .with(TestAccounts.as(other.user())).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeCount(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE patient_id = :p")
                .param("p", other.team().patient().value()).query(Long.class).single()).isZero();
    }

    @Test
    void aPatientCannotWriteForAnotherPatientsAppointmentNorSeeTheirReflections() throws Exception {
        TestClock.INSTANCE.pin(NOW);
        var mine = portalPatient();
        var theirs = portalPatient();
        var their = dosingAppointment(theirs.team().patient(), NOW.plus(Duration.ofDays(1)));
        TestAccounts.runAs(theirs.user(), () -> reflections.write(their, ReflectionPhase.BEFORE,
                "Private words about my brother.", Map.of()));
        mvc.perform(post("/portal/reflections/{a}", their).param("phase", "BEFORE").param("text", "Sneaky")
                .with(TestAccounts.as(mine.user())).with(csrf())).andExpect(status().isForbidden());
        assertThatThrownBy(() -> TestAccounts.runAs(mine.user(), () -> reflections.write(their, ReflectionPhase.BEFORE,
                "Sneaky", Map.of()))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE patient_id = :p AND action = 'REFLECTION_DENIED'")
                .param("p", mine.team().patient().value()).query(Long.class).single()).isPositive();
        var page = mvc.perform(get("/portal/reflections").with(TestAccounts.as(mine.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Private words").doesNotContain(their.toString());
        // and a clinician may not read reflections through the patient's own portal route
        mvc.perform(get("/portal/reflections").with(TestAccounts.as(mine.team().therapist())))
                .andExpect(status().isForbidden());
    }

    @Test
    void emptyOrTooLongTextIsRefusedNextToTheFieldWithWhatWasTypedKept() throws Exception {
        TestClock.INSTANCE.pin(NOW);
        var p = portalPatient();
        var appointment = dosingAppointment(p.team().patient(), NOW.plus(Duration.ofDays(3)));
        var empty = mvc.perform(post("/portal/reflections/{a}", appointment).param("phase", "BEFORE").param("text", "  ")
                .with(TestAccounts.as(p.user())).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(empty).contains("Write a few words, or answer one of the questions.").contains("field-error");

        var tooLong = "Calm and curious. ".repeat(120);
        var kept = mvc.perform(post("/portal/reflections/{a}", appointment).param("phase", "BEFORE")
                .param("text", tooLong).with(TestAccounts.as(p.user())).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(kept).contains("Please keep it to 2000 characters (this has " + tooLong.strip().length() + ")")
                .contains(tooLong.strip());
        // an "after" reflection for a session that has not started is refused the same way
        var early = mvc.perform(post("/portal/reflections/{a}", appointment).param("phase", "AFTER")
                .param("text", "Felt great").with(TestAccounts.as(p.user())).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(early).contains("This session has not started yet").contains("Felt great");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reflection WHERE patient_id = :p").param("p", p.team().patient().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theTherapistsPromptsAreAnsweredAndTheIntegrationNoteSeesTheSessionsReflections() throws Exception {
        TestClock.INSTANCE.pin(NOW);
        var p = portalPatient();
        var therapist = p.team().therapist();
        mvc.perform(post("/patients/{id}/reflections/prompts", p.team().patient().value()).param("prompt", "  ")
                .with(TestAccounts.as(therapist)).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/patients/{id}/reflections/prompts", p.team().patient().value())
                .param("prompt", "What felt different afterwards?").with(TestAccounts.as(therapist)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var prompt = TestAccounts.runAs(therapist, () -> reflections.forPatient(p.team().patient())).prompts().get(0);
        var appointment = dosingAppointment(p.team().patient(), NOW.minus(Duration.ofHours(5)));
        var portal = mvc.perform(get("/portal/reflections").with(TestAccounts.as(p.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(portal).contains("What felt different afterwards?").contains("Before the session")
                .contains("After the session");
        mvc.perform(post("/portal/reflections/{a}", appointment).param("phase", "AFTER").param("text", "Like a calm lake.")
                .param("answer-" + prompt.id(), "My shoulders let go.").with(TestAccounts.as(p.user())).with(csrf()))
                .andExpect(status().is3xxRedirection());

        // a dosing session opened from that appointment: what the integration note includes
        var session = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO dosing_session (id, patient_id, appointment_id, location_id, modality, observation_minutes,
                    status, opened_at, opened_by, ended_at, ended_by, end_kind, version)
                VALUES (:id, :p, :a, :l, 'IV_KETAMINE', 60, 'DISCHARGED', :at, 'test', :at, 'test', 'DISCHARGED', 0)""")
                .param("id", session).param("p", p.team().patient().value()).param("a", appointment)
                .param("l", location).param("at", OffsetDateTime.ofInstant(NOW.minus(Duration.ofHours(5)), ZoneOffset.UTC))
                .update();
        var forNote = TestAccounts.runAs(therapist, () -> reflections.forDosingSession(session));
        assertThat(forNote.before()).isEmpty();
        assertThat(forNote.after()).extracting(Reflection::body).containsExactly("Like a calm lake.",
                "My shoulders let go.");
        assertThat(forNote.after().get(1).prompt()).isEqualTo("What felt different afterwards?");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE patient_id = :p AND action = 'REFLECTIONS_VIEWED'"
                        + " AND entity_id = :s")
                .param("p", p.team().patient().value()).param("s", session.toString()).query(Long.class).single())
                .isEqualTo(1);

        // the fragment the integration note includes
        var fragment = new org.thymeleaf.context.Context();
        fragment.setVariable("reflections", forNote);
        fragment.setVariable("zone", java.time.ZoneId.of("America/Phoenix"));
        var panel = context.getBean(org.thymeleaf.ITemplateEngine.class).process("therapynotes/note-reflections",
                java.util.Set.of("panel"), fragment);
        assertThat(panel).contains("After the session").doesNotContain("Before the session")
                .contains("Like a calm lake.").contains("What felt different afterwards?");

        var page = mvc.perform(get("/patients/{id}/reflections", p.team().patient().value())
                .with(TestAccounts.as(therapist))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Like a calm lake.").contains("My shoulders let go.");
        mvc.perform(post("/patients/{id}/reflections/prompts/{p}/retire", p.team().patient().value(), prompt.id())
                .with(TestAccounts.as(therapist)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/portal/reflections").with(TestAccounts.as(p.user()))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("<label for=\"answer-" + prompt.id());
    }
}
