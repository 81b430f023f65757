// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Secure questionnaire links: single use, expiring after 4 days with one reminder after 2, progress saved as the patient
 * goes, and a positive safety answer raising its alert as soon as it is saved, even if the questionnaire is never
 * finished.
 */
@ClinicIntegrationTest
class QuestionnaireLinkTests {

    private static final Pattern LINK = Pattern.compile("/q/(q[A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Questionnaires questionnaires;

    @Autowired
    QuestionnaireReminders reminders;

    @AfterEach
    void realTime() {
        TestClock.INSTANCE.reset();
    }

    private String send(CareTeamFixture f, String instrument) {
        TestAccounts.runAs(f.therapist(), () -> questionnaires.sendLink(f.patient(), instrument));
        return latestLink(f.email());
    }

    private String latestLink(String email) {
        var bodies = jdbc.sql("SELECT body FROM email_outbox WHERE to_address = :to ORDER BY created_at DESC")
                .param("to", email).query(String.class).list();
        var matcher = LINK.matcher(bodies.get(0));
        assertThat(matcher.find()).as(bodies.get(0)).isTrue();
        return matcher.group(1);
    }

    private long openAlerts(CareTeamFixture f) {
        return jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE patient_id = :p AND status = 'OPEN'")
                .param("p", f.patient().value()).query(Long.class).single();
    }

    private static Map<String, Integer> phq9(int each, int item9) {
        var answers = new HashMap<String, Integer>();
        for (int i = 1; i <= 8; i++) {
            answers.put(String.valueOf(i), each);
        }
        answers.put("9", item9);
        return answers;
    }

    @Test
    void theEmailCarriesALinkAndNoClinicalDetail() {
        var f = CareTeamFixture.create(context);
        send(f, "phq9");
        var email = jdbc.sql("SELECT subject, body FROM email_outbox WHERE to_address = :to")
                .param("to", f.email()).query((rs, n) -> rs.getString(1) + "\n" + rs.getString(2)).single();
        assertThat(email).contains("/q/q").contains("988");
        assertThat(email.toLowerCase()).doesNotContain("phq").doesNotContain("depress").doesNotContain("suicid")
                .doesNotContain(f.family().toLowerCase());
    }

    @Test
    void aLinkIsUsedUpOnlyByTheFinalSubmit() {
        var f = CareTeamFixture.create(context);
        var token = send(f, "phq9");
        var saved = questionnaires.save(token, Map.of("1", 2, "2", 1));
        assertThat(saved.submitted()).isFalse();
        assertThat(questionnaires.open(token).request().draft()).containsEntry("1", 2).containsEntry("2", 1);

        var incomplete = questionnaires.submit(token, Map.of("1", 2, "2", 1, "3", 0));
        assertThat(incomplete.submitted()).isFalse();
        assertThat(incomplete.problems()).extracting(Score.ItemProblem::item).contains("4", "9");
        assertThat(questionnaires.open(token).request().draft()).as("kept what was given").containsEntry("3", 0);

        var done = questionnaires.submit(token, phq9(1, 0));
        assertThat(done.submitted()).isTrue();
        assertThat(done.assessment().total()).isEqualTo(8);
        assertThat(done.assessment().severity()).isEqualTo("mild");
        assertThat(done.assessment().channel()).isEqualTo(Channel.LINK);
        assertThatThrownBy(() -> questionnaires.submit(token, phq9(3, 0)))
                .isInstanceOfSatisfying(LinkUnusable.class, e -> assertThat(e.reason()).isEqualTo(LinkUnusable.Reason.COMPLETED));
        assertThatThrownBy(() -> questionnaires.open(token)).isInstanceOf(LinkUnusable.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment WHERE patient_id = :p").param("p", f.patient().value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPositiveItemNineRaisesItsAlertWhenSavedEvenIfNeverSubmitted() {
        var f = CareTeamFixture.create(context);
        var token = send(f, "phq9");
        var saved = questionnaires.save(token, Map.of("9", 1));
        assertThat(saved.crisis()).isTrue();
        assertThat(saved.flags()).containsExactly("suicidal-ideation");
        assertThat(openAlerts(f)).isEqualTo(1);
        // saving again does not raise another alert or another finding
        questionnaires.save(token, Map.of("9", 1, "1", 0));
        assertThat(openAlerts(f)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM safety_finding f JOIN safety_alert a ON a.id = f.alert_id"
                + " WHERE a.patient_id = :p").param("p", f.patient().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLinkExpiresAfterFourDays() {
        var f = CareTeamFixture.create(context);
        TestClock.INSTANCE.pin(Instant.parse("2026-11-16T15:00:00Z"));
        var token = send(f, "gad7");
        TestClock.INSTANCE.pin(Instant.parse("2026-11-20T14:59:00Z"));
        assertThat(questionnaires.open(token).instrument().code()).isEqualTo("gad7");
        TestClock.INSTANCE.pin(Instant.parse("2026-11-20T15:00:00Z"));
        assertThatThrownBy(() -> questionnaires.save(token, Map.of("1", 1)))
                .isInstanceOfSatisfying(LinkUnusable.class, e -> assertThat(e.reason()).isEqualTo(LinkUnusable.Reason.EXPIRED));
    }

    @Test
    void oneReminderGoesAfterTwoDaysWithASecondLinkToTheSameQuestionnaire() {
        var f = CareTeamFixture.create(context);
        TestClock.INSTANCE.pin(Instant.parse("2026-11-16T15:00:00Z"));
        var first = send(f, "phq9");
        questionnaires.save(first, Map.of("1", 2));
        TestClock.INSTANCE.pin(Instant.parse("2026-11-18T14:59:00Z"));
        reminders.sendDue();
        assertThat(subjects(f)).hasSize(1);
        TestClock.INSTANCE.pin(Instant.parse("2026-11-18T15:01:00Z"));
        reminders.sendDue();
        reminders.sendDue();
        assertThat(subjects(f)).hasSize(2).last().asString().startsWith("Reminder:");
        var second = latestLink(f.email());
        assertThat(second).isNotEqualTo(first);
        assertThat(questionnaires.open(second).request().draft()).as("same questionnaire, progress kept")
                .containsEntry("1", 2);
        assertThat(questionnaires.submit(second, phq9(0, 0)).submitted()).isTrue();
        assertThatThrownBy(() -> questionnaires.open(first)).isInstanceOf(LinkUnusable.class);
    }

    @Test
    void aCompletedQuestionnaireIsNotReminded() {
        var f = CareTeamFixture.create(context);
        TestClock.INSTANCE.pin(Instant.parse("2026-11-16T15:00:00Z"));
        var token = send(f, "phq9");
        questionnaires.submit(token, phq9(0, 0));
        TestClock.INSTANCE.pin(Instant.parse("2026-11-19T15:00:00Z"));
        reminders.sendDue();
        assertThat(subjects(f)).hasSize(1);
    }

    @Test
    void aCancelledLinkStopsWorking() {
        var f = CareTeamFixture.create(context);
        var token = send(f, "phq9");
        var request = questionnaires.open(token).request().id();
        TestAccounts.runAs(f.therapist(), () -> questionnaires.cancel(f.patient(), request));
        assertThatThrownBy(() -> questionnaires.open(token))
                .isInstanceOfSatisfying(LinkUnusable.class, e -> assertThat(e.reason()).isEqualTo(LinkUnusable.Reason.CANCELLED));
    }

    @Test
    void clinicianRatedScalesCannotBeSentAsLinks() {
        var f = CareTeamFixture.create(context);
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> questionnaires.sendLink(f.patient(), "madrs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rated by a clinician");
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> questionnaires.sendLink(f.patient(), "cssrs")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLinkPageWorksWithoutSigningInAndShowsCrisisResourcesOnAPositiveAnswer() throws Exception {
        var f = CareTeamFixture.create(context);
        var token = send(f, "phq9");
        mvc.perform(get("/q/" + token)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Little interest or pleasure in doing things")));
        var page = mvc.perform(post("/q/" + token).with(csrf()).param("item-9", "2").param("item-1", "1")
                        .param("action", "submit"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Please reach out for help now").contains("not monitored around the clock")
                .contains("Please answer this question.");
        assertThat(page).as("the crisis box is shown, not hidden").doesNotContain("hidden=\"hidden\"");
        assertThat(page).as("answers kept").containsPattern("name=\"item-9\" value=\"2\"[^>]*checked");
        mvc.perform(post("/q/" + token + "/answers").with(csrf()).param("item-9", "2")
                        .accept(org.springframework.http.MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andExpect(content().json("{\"crisis\":true,\"answered\":1}"));
    }

    @Test
    void anUnknownOrMalformedLinkIsAFriendlyNotFound() throws Exception {
        mvc.perform(get("/q/not-a-token")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This link does not work")));
        mvc.perform(get("/q/q" + "A".repeat(43))).andExpect(status().isNotFound());
    }

    @Test
    void aSubmittedLinkAnswersGoneWithAFriendlyPage() throws Exception {
        var f = CareTeamFixture.create(context);
        var token = send(f, "phq9");
        questionnaires.submit(token, phq9(0, 0));
        mvc.perform(get("/q/" + token)).andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Already submitted")));
    }

    private List<String> subjects(CareTeamFixture f) {
        return jdbc.sql("SELECT subject FROM email_outbox WHERE to_address = :to ORDER BY created_at")
                .param("to", f.email()).query(String.class).list();
    }

    @Test
    void cancellingAnotherPatientsQuestionnaireIsRefusedWithAMessageNotAnError() throws Exception {
        var f = CareTeamFixture.create(context);
        var other = CareTeamFixture.create(context);
        var token = send(other, "phq9");
        var request = questionnaires.open(token).request().id();
        mvc.perform(post("/patients/{id}/measures/requests/{r}/cancel", f.patient().value(), request.value())
                        .with(csrf()).with(TestAccounts.as(f.therapist())))
                .andExpect(status().is3xxRedirection());
        assertThat(questionnaires.open(token).request().status()).isEqualTo(QuestionnaireRequest.Status.OPEN);
    }
}
