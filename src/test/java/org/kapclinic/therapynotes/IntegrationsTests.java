// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import java.math.BigDecimal;
import org.kapclinic.dosing.AdministrationForm;
import org.kapclinic.dosing.Administrations;
import org.kapclinic.dosing.Discharges;
import org.kapclinic.dosing.DosingEvents;
import org.kapclinic.dosing.DosingFixture;
import org.kapclinic.dosing.DosingSessions;
import org.kapclinic.dosing.Route;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientId;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.kapclinic.timeline.TimelineEntry;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Integration due: made when a dosed session ends (never for one not dosed), due after the plan's window or the
 * default 72 h, overdue a microsecond after due, fulfilled by a signed integration note, or closed as not needed.
 */
@ClinicIntegrationTest
class IntegrationsTests {

    static final Instant ENDED = Instant.parse("2031-03-04T18:30:00.123456Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Integrations integrations;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    UUID end(PatientId patient, String kind, Instant at) {
        var session = UUID.randomUUID();
        tx.executeWithoutResult(s -> context.publishEvent(new DosingEvents.SessionEnded(session, patient.value(), kind,
                at)));
        return session;
    }

    void sign(PatientId patient, String type, UUID session, Instant heldAt) {
        tx.executeWithoutResult(s -> context.publishEvent(new NoteEvents.NoteSigned(UUID.randomUUID(), patient.value(),
                type, null, session, UUID.randomUUID(), heldAt, heldAt.plus(Duration.ofHours(1)))));
    }

    IntegrationItem item(UUID session) {
        return jdbc.sql("SELECT * FROM integration_item WHERE dosing_session_id = :s").param("s", session)
                .query(IntegrationRepository::map).single();
    }

    @Test
    void aDischargedSessionOwesAnIntegrationSessionWithin72HoursAssignedToTheTherapist() {
        var f = CareTeamFixture.create(context);
        var session = end(f.patient(), "DISCHARGED", ENDED);
        var item = item(session);
        assertThat(item.dueAt()).isEqualTo(ENDED.plus(Duration.ofHours(72)));
        assertThat(item.windowSource()).isEqualTo(IntegrationItem.WindowSource.SETTING);
        assertThat(item.therapistId()).isEqualTo(f.therapist().id().value());
        assertThat(item.patientId()).isEqualTo(f.patient().value());
        // a repeated event makes no second item
        tx.executeWithoutResult(s -> context.publishEvent(new DosingEvents.SessionEnded(session, f.patient().value(),
                "DISCHARGED", ENDED)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM integration_item WHERE dosing_session_id = :s").param("s", session)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE patient_id = :p AND action = 'INTEGRATION_DUE_CREATED'")
                .param("p", f.patient().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRealSessionThatEndsWithThePatientLeavingAgainstAdviceOwesAnIntegrationAndOneNotDosedDoesNot() {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 29).cleared(context);
        var administrations = context.getBean(Administrations.class);
        TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(), new AdministrationForm(Route.NASAL,
                new BigDecimal("28"), null, null, f.esketamineLot(), null, f.nurse().displayName(), null)));
        TestAccounts.runAs(f.nurse(), () -> administrations.giveDevice(f.session()));
        TestClock.INSTANCE.advance(Duration.ofMinutes(30));
        TestAccounts.runAs(f.nurse(), () -> context.getBean(Discharges.class).leftAgainstAdvice(f.session(),
                "Told of the risks; left with a friend (synthetic)."));
        var item = item(f.session());
        assertThat(item.endedAt()).isEqualTo(TestClock.INSTANCE.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(item.dueAt()).isEqualTo(item.endedAt().plus(Duration.ofHours(72)));

        var held = DosingFixture.open(context, Modality.ESKETAMINE, 31);
        TestAccounts.runAs(held.nurse(), () -> context.getBean(DosingSessions.class).endWithoutDose(held.session(),
                "Blood pressure too high today"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM integration_item WHERE dosing_session_id = :s")
                .param("s", held.session()).query(Long.class).single()).isZero();
    }

    @Test
    void leavingAgainstAdviceOrAnEarlyDischargeOwesOneTooButASessionNotDosedOwesNothing() {
        var f = CareTeamFixture.create(context);
        assertThat(item(end(f.patient(), "LEFT_AMA", ENDED)).state()).isEqualTo(IntegrationItem.State.OPEN);
        assertThat(item(end(f.patient(), "DISCHARGED_EARLY", ENDED)).state()).isEqualTo(IntegrationItem.State.OPEN);
        var notDosed = end(f.patient(), "NOT_DOSED", ENDED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM integration_item WHERE dosing_session_id = :s").param("s", notDosed)
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePlansProtocolWindowOverridesTheDefault() {
        var f = CareTeamFixture.create(context);
        var plan = PlanFixtures.approved(context, f.patient(), f.prescriber());
        var json = context.getBean(JsonMapper.class);
        var definition = (ObjectNode) json.readTree(jdbc.sql("SELECT definition FROM treatment_plan WHERE id = :id")
                .param("id", plan).query(String.class).single());
        definition.put("integrationWithinHours", 48);
        jdbc.sql("UPDATE treatment_plan SET definition = :d WHERE id = :id").param("d", json.writeValueAsString(definition))
                .param("id", plan).update();
        var item = item(end(f.patient(), "DISCHARGED", ENDED));
        assertThat(item.dueAt()).isEqualTo(ENDED.plus(Duration.ofHours(48)));
        assertThat(item.windowHours()).isEqualTo(48);
        assertThat(item.windowSource()).isEqualTo(IntegrationItem.WindowSource.PROTOCOL);
    }

    @Test
    void anItemTurnsOverdueExactlyAfterItsDueTimeOnTheListAndTheHomeCard() throws Exception {
        var f = CareTeamFixture.create(context);
        var item = item(end(f.patient(), "DISCHARGED", ENDED));
        var card = context.getBean(IntegrationHomeCard.class);
        var from = ENDED.minus(Duration.ofDays(1));
        var to = ENDED.plus(Duration.ofDays(10));

        TestClock.INSTANCE.pin(item.dueAt().minusNanos(1000));
        assertThat(TestAccounts.runAs(f.therapist(), () -> integrations.list(false, from, to))).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(IntegrationStatus.DUE));
        assertThat(card.cardFor(f.therapist()).orElseThrow().text()).isEqualTo("1 integration session due.");

        TestClock.INSTANCE.pin(item.dueAt());
        assertThat(TestAccounts.runAs(f.therapist(), () -> integrations.list(false, from, to)).get(0).status())
                .isEqualTo(IntegrationStatus.DUE);

        TestClock.INSTANCE.pin(item.dueAt().plusNanos(1000));
        assertThat(TestAccounts.runAs(f.therapist(), () -> integrations.list(false, from, to)).get(0).status())
                .isEqualTo(IntegrationStatus.OVERDUE);
        var overdueCard = card.cardFor(f.therapist()).orElseThrow();
        assertThat(overdueCard.text()).isEqualTo("0 integration sessions due; 1 overdue.");
        assertThat(overdueCard.needsAttention()).isTrue();

        var page = mvc.perform(get("/therapy/integrations").param("from", "2031-03-01").param("to", "2031-03-20")
                .with(TestAccounts.as(f.therapist()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(f.family()).contains("Overdue")
                .contains("/patients/" + f.patient().value() + "/notes?type=INTEGRATION&amp;dosingSession="
                        + item.dosingSessionId());
    }

    @Test
    void anItemDoneOrClosedBeforeItsDueTimeStaysOnTheListForTheDaysItWasDoneIn() {
        var f = CareTeamFixture.create(context);
        var done = end(f.patient(), "DISCHARGED", ENDED);
        var closed = end(f.patient(), "DISCHARGED", ENDED.plus(Duration.ofMinutes(1)));
        var dayAfter = ENDED.plus(Duration.ofDays(1));
        sign(f.patient(), "INTEGRATION", done, dayAfter);
        TestClock.INSTANCE.pin(dayAfter);
        TestAccounts.runAs(f.therapist(), () -> integrations.closeNotNeeded(item(closed).id(),
                "Patient moved away (synthetic)."));
        // the default range ends today, two days before either item is due
        var from = dayAfter.minus(Duration.ofDays(90));
        var to = dayAfter.plus(Duration.ofHours(12));
        assertThat(TestAccounts.runAs(f.therapist(), () -> integrations.list(false, from, to)))
                .extracting(r -> r.item().dosingSessionId(), Integrations.Row::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(done, IntegrationStatus.DONE_ON_TIME),
                        org.assertj.core.groups.Tuple.tuple(closed, IntegrationStatus.NOT_NEEDED));
        // a range before either was done or due lists neither
        assertThat(TestAccounts.runAs(f.therapist(), () -> integrations.list(false, from, ENDED))).isEmpty();
    }

    @Test
    void aSignedIntegrationNoteFulfilsTheItemOnTimeOrLateByWhenTheSessionWasHeld() {
        var f = CareTeamFixture.create(context);
        var onTime = end(f.patient(), "DISCHARGED", ENDED);
        var late = end(f.patient(), "DISCHARGED", ENDED.plus(Duration.ofDays(7)));
        sign(f.patient(), "PREPARATION", onTime, ENDED.plus(Duration.ofHours(1)));
        assertThat(item(onTime).state()).isEqualTo(IntegrationItem.State.OPEN);

        var due = item(onTime).dueAt();
        sign(f.patient(), "INTEGRATION", onTime, due);
        sign(f.patient(), "INTEGRATION", late, item(late).dueAt().plusNanos(1000));
        var later = ENDED.plus(Duration.ofDays(60));
        assertThat(item(onTime).statusAt(later)).isEqualTo(IntegrationStatus.DONE_ON_TIME);
        assertThat(item(onTime).doneAt()).isEqualTo(due);
        assertThat(item(late).statusAt(later)).isEqualTo(IntegrationStatus.DONE_LATE);

        var report = TestAccounts.runAs(f.therapist(), () -> integrations.onTimeRate(ENDED, ENDED.plus(Duration.ofDays(30))));
        var mine = report.byTherapist().stream().filter(t -> f.therapist().id().value().equals(t.therapistId()))
                .findFirst().orElseThrow().rate();
        assertThat(mine).isEqualTo(new OnTimeRate(1, 2, 0));
        assertThat(mine.percent()).isEqualTo(50);
    }

    @Test
    void anIntegrationNoteNamingNoSessionFulfilsTheOldestOpenItemEndedBeforeIt() {
        var f = CareTeamFixture.create(context);
        var first = end(f.patient(), "DISCHARGED", ENDED);
        var second = end(f.patient(), "DISCHARGED", ENDED.plus(Duration.ofDays(3)));
        var third = end(f.patient(), "DISCHARGED", ENDED.plus(Duration.ofDays(10)));
        tx.executeWithoutResult(s -> context.publishEvent(new NoteEvents.NoteSigned(UUID.randomUUID(),
                f.patient().value(), "INTEGRATION", null, null, UUID.randomUUID(), ENDED.plus(Duration.ofDays(4)),
                ENDED.plus(Duration.ofDays(4)))));
        assertThat(item(first).state()).isEqualTo(IntegrationItem.State.DONE);
        assertThat(item(second).state()).isEqualTo(IntegrationItem.State.OPEN);
        // a second one the next day takes the next oldest; nothing ended before day 1 is left for an early note
        tx.executeWithoutResult(s -> context.publishEvent(new NoteEvents.NoteSigned(UUID.randomUUID(),
                f.patient().value(), "INTEGRATION", null, null, UUID.randomUUID(), ENDED.plus(Duration.ofDays(5)),
                ENDED.plus(Duration.ofDays(5)))));
        assertThat(item(second).state()).isEqualTo(IntegrationItem.State.DONE);
        assertThat(item(third).state()).isEqualTo(IntegrationItem.State.OPEN);
    }

    @Test
    void aTherapistClosesAnItemAsNotNeededWithAReasonAndABlankReasonKeepsTheFormWithAMessage() throws Exception {
        var f = CareTeamFixture.create(context);
        var item = item(end(f.patient(), "DISCHARGED", ENDED));
        TestClock.INSTANCE.pin(ENDED.plus(Duration.ofHours(5)));
        var refused = mvc.perform(post("/therapy/integrations/{id}/not-needed", item.id()).param("reason", "   ")
                .with(TestAccounts.as(f.therapist())).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("say why no integration session is needed").contains("field-error");
        assertThat(item(item.dosingSessionId()).state()).isEqualTo(IntegrationItem.State.OPEN);

        var tooLong = "x".repeat(1001);
        var kept = mvc.perform(post("/therapy/integrations/{id}/not-needed", item.id()).param("reason", tooLong)
                .with(TestAccounts.as(f.therapist())).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(kept).contains("at most 1000 characters").contains("value=\"" + tooLong + "\"");

        mvc.perform(post("/therapy/integrations/{id}/not-needed", item.id()).param("reason", "Patient declined")
                .with(TestAccounts.as(f.therapist())).with(csrf())).andExpect(status().is3xxRedirection());
        var closed = item(item.dosingSessionId());
        assertThat(closed.statusAt(ENDED.plus(Duration.ofDays(30)))).isEqualTo(IntegrationStatus.NOT_NEEDED);
        assertThat(closed.closeReason()).isEqualTo("Patient declined");
        assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE patient_id = :p AND action = 'INTEGRATION_NOT_NEEDED'")
                .param("p", f.patient().value()).query(String.class).single()).isEqualTo("Patient declined");
        // a signed note afterwards leaves it closed, and it is counted apart from the rate
        sign(f.patient(), "INTEGRATION", item.dosingSessionId(), ENDED.plus(Duration.ofHours(6)));
        assertThat(item(item.dosingSessionId()).state()).isEqualTo(IntegrationItem.State.NOT_NEEDED);
    }

    @Test
    void theTimelineShowsAnOverdueItemForAttentionAndADoneOneWhenItWasHeld() {
        var f = CareTeamFixture.create(context);
        var open = end(f.patient(), "DISCHARGED", ENDED);
        var done = end(f.patient(), "DISCHARGED", ENDED.minus(Duration.ofDays(7)));
        sign(f.patient(), "INTEGRATION", done, ENDED.minus(Duration.ofDays(6)));
        TestClock.INSTANCE.pin(ENDED.plus(Duration.ofHours(73)));
        var window = new TimelineWindow(ENDED.minus(Duration.ofDays(30)), ENDED.plus(Duration.ofDays(30)),
                java.util.Set.of(TimelineKind.INTEGRATION));
        var entries = context.getBean(IntegrationTimeline.class).entries(f.patient(), window);
        assertThat(entries).hasSize(2);
        var overdue = entries.stream().filter(TimelineEntry::attention).findFirst().orElseThrow();
        assertThat(overdue.title()).isEqualTo("Integration overdue");
        assertThat(overdue.at()).isEqualTo(item(open).dueAt());
        var held = entries.stream().filter(e -> !e.attention()).findFirst().orElseThrow();
        assertThat(held.title()).isEqualTo("Integration done on time");
        assertThat(held.at()).isEqualTo(ENDED.minus(Duration.ofDays(6)));
        assertThat(held.kind()).isEqualTo(TimelineKind.INTEGRATION);
        var elsewhere = new TimelineWindow(window.from(), window.to(), java.util.Set.of(TimelineKind.NOTE));
        assertThat(context.getBean(IntegrationTimeline.class).entries(f.patient(), elsewhere)).isEmpty();
    }

    @Test
    void theListIsTheTherapistsOwnByDefaultAndTheClinicsOnRequest() {
        var mine = CareTeamFixture.create(context);
        var theirs = CareTeamFixture.create(context);
        end(mine.patient(), "DISCHARGED", ENDED);
        end(theirs.patient(), "DISCHARGED", ENDED);
        var from = ENDED.minus(Duration.ofDays(1));
        var to = ENDED.plus(Duration.ofDays(10));
        var own = TestAccounts.runAs(mine.therapist(), () -> integrations.list(false, from, to));
        assertThat(own).extracting(r -> r.item().patientId()).containsExactly(mine.patient().value());
        var all = TestAccounts.runAs(mine.therapist(), () -> integrations.list(true, from, to));
        assertThat(all).extracting(r -> r.item().patientId()).contains(mine.patient().value(), theirs.patient().value());
    }
}
