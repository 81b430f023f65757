// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The session page and the board through MVC: refusals come back next to their field with what was typed. */
@ClinicIntegrationTest
class DosingPageTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isLessThan(400);
        return response.getContentAsString();
    }

    @Test
    void anImpossibleReadingComesBackNextToItsFieldWithEverythingTypedKept() throws Exception {
        var f = DosingFixture.open(context, Modality.IV_KETAMINE, 30);
        var page = html(post("/dosing/sessions/" + f.session() + "/gate-vitals").with(csrf())
                .with(TestAccounts.as(f.nurse())).param("systolic", "400").param("diastolic", "84")
                .param("heartRate", "76").param("spo2", "98").param("weight", "71.5"));
        assertThat(page).contains("400 is not a possible reading; enter 50-300.").contains("value=\"76\"")
                .contains("value=\"71.5\"").contains("Not saved:");
        var gate = html(get("/dosing/sessions/" + f.session()).with(TestAccounts.as(f.nurse())));
        assertThat(gate).contains("Pre-dose gate").contains("Weight today (kg)").contains("gate-item-IDENTITY");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long lastAccess(jakarta.servlet.http.Cookie cookie) {
        var id = new String(java.util.Base64.getDecoder().decode(cookie.getValue()), java.nio.charset.StandardCharsets.UTF_8);
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id").param("id", id)
                .query(Long.class).single();
    }

    @Test
    void theBoardsPassivePollDoesNotKeepAnIdleSessionAliveButTheUsersOwnRequestsDo() throws Exception {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 32);
        var login = mvc.perform(post("/login").with(csrf()).param("email", f.nurse().getUsername())
                .param("password", TestAccounts.PASSWORD)).andReturn().getResponse();
        var cookie = login.getCookie("KAPSESSION");
        assertThat(cookie).as("signed in with a session cookie").isNotNull();
        var before = lastAccess(cookie);
        Thread.sleep(20);
        var poll = mvc.perform(get("/dosing/board/" + f.location() + "/live").cookie(cookie).header("HX-Request", "true")
                .header("X-KAP-Passive", "1")).andReturn().getResponse();
        assertThat(poll.getStatus()).isEqualTo(200);
        assertThat(poll.getHeader("X-KAP-Session-Remaining")).isNotNull();
        assertThat(Long.parseLong(poll.getHeader("X-KAP-Session-Remaining"))).isPositive();
        assertThat(lastAccess(cookie)).as("a passive poll leaves the idle clock alone").isEqualTo(before);
        Thread.sleep(20);
        var own = mvc.perform(get("/dosing/board").param("location", f.location().toString()).cookie(cookie))
                .andReturn().getResponse();
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(lastAccess(cookie)).as("the user's own request renews it").isGreaterThan(before);
        var wrong = mvc.perform(post("/session/confirm").with(csrf()).cookie(cookie).param("password", "not-it"))
                .andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(401);
        var right = mvc.perform(post("/session/confirm").with(csrf()).cookie(cookie).param("password", TestAccounts.PASSWORD))
                .andReturn().getResponse();
        assertThat(right.getContentAsString()).contains("\"confirmed\":true");
    }

    @Test
    void theBoardListsTodaysBookingAndTheLiveFragmentRendersForAPassivePoll() throws Exception {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 31);
        var board = html(get("/dosing/board").param("location", f.location().toString()).with(TestAccounts.as(f.nurse())));
        assertThat(board).contains("Monitoring board").contains("chair-card").contains("data-idle-seconds");
        var live = html(get("/dosing/board/" + f.location() + "/live").header("HX-Request", "true")
                .header("X-KAP-Passive", "1").with(TestAccounts.as(f.nurse())));
        assertThat(live).contains("id=\"chairs\"").doesNotContain("<html");
        var home = html(get("/").with(TestAccounts.as(f.nurse())));
        assertThat(home).contains("Dosing board").containsPattern("[0-9]+ dosing sessions? in progress");
        var anonymous = mvc.perform(get("/dosing/board/" + f.location() + "/live").header("HX-Request", "true"))
                .andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(401);
    }
    @Test
    void theMeasuresPageShowsTheEarlyResponseAfterTheFirstDoseAndMarksDosesOnTheCharts() throws Exception {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 33).cleared(context);
        var assessments = context.getBean(org.kapclinic.assessments.Assessments.class);
        var madrs = new java.util.HashMap<String, Integer>();
        for (int i = 1; i <= 10; i++) {
            madrs.put(Integer.toString(i), 3);
        }
        TestAccounts.runAs(f.prescriber(), () -> assessments.recordByClinician(f.patient(), "madrs", madrs, null,
                org.kapclinic.assessments.Channel.CLINICIAN)); // 30 before the dose
        var administrations = context.getBean(Administrations.class);
        TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(), new AdministrationForm(Route.NASAL,
                new java.math.BigDecimal("28"), null, null, f.esketamineLot(), null, f.nurse().displayName(), null)));
        TestAccounts.runAs(f.nurse(), () -> administrations.giveDevice(f.session()));
        TestClock.INSTANCE.advance(java.time.Duration.ofHours(4));
        TestAccounts.runAs(f.nurse(), () -> assessments.recordByClinician(f.patient(), "mood", java.util.Map.of("1", 7),
                null, org.kapclinic.assessments.Channel.CLINICIAN));
        TestClock.INSTANCE.advance(java.time.Duration.ofHours(20));
        madrs.replaceAll((k, v) -> 1);
        TestAccounts.runAs(f.prescriber(), () -> assessments.recordByClinician(f.patient(), "madrs", madrs, null,
                org.kapclinic.assessments.Channel.CLINICIAN)); // 10 about 24 h after
        var page = html(get("/patients/" + f.patient().value() + "/measures").with(TestAccounts.as(f.prescriber())));
        assertThat(page).contains("After the first dose").contains("Early response").contains("-67%")
                .contains("Mood in the first day");
        var chart = html(get("/patients/" + f.patient().value() + "/measures/madrs").with(TestAccounts.as(f.prescriber())));
        assertThat(chart).contains("1 dosing session marked").contains("&quot;doses&quot;:[");
    }
}
