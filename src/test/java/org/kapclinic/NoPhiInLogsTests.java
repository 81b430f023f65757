// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.assessments.Channel;
import org.kapclinic.dosing.AdministrationForm;
import org.kapclinic.dosing.Administrations;
import org.kapclinic.dosing.DosingFixture;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.dosing.Route;
import org.kapclinic.intake.IntakeFixtures;
import org.kapclinic.patients.PatientFixtures;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * No PHI in the logs (ADR 029, HIPAA 164.312(b)): known synthetic names, emails, phone numbers and dates of birth go
 * through the main flows (a public inquiry with a crisis message and one with a malformed field, a patient registered
 * on the page, PHQ-9 answers with a positive item 9, a dosing session, failed sign-ins with an email), and neither
 * what the loggers received (a Logback appender on the root logger, exceptions and their causes included) nor what
 * reached standard output and error contains any of them. The audit trail, which is meant to name people, is in the
 * database, not the logs.
 */
@ClinicIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoPhiInLogsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<String> phi = new ArrayList<>();

    @BeforeEach
    void listen() {
        appender.start();
        root().addAppender(appender);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(appender);
        TestClock.INSTANCE.reset();
    }

    @Test
    void theMainFlowsLogNoNameEmailPhoneOrDateOfBirth(CapturedOutput output) throws Exception {
        var family = PatientFixtures.uniqueFamily();
        var given = "Quillonette";
        var email = "quillonette." + family.toLowerCase() + "@example.test";
        var phone = "602-555-0" + (100 + Math.abs(family.hashCode() % 900));
        var dob = "1971-07-13";
        phi.addAll(List.of(family, given, email, phone, dob));

        // a public inquiry in crisis, by the API and by the form, and one whose malformed field carries a name
        var inquiry = """
                {"firstName":"%s","lastName":"%s","email":"%s","phone":"%s","preferredContact":"phone","state":"AZ",
                 "dateOfBirth":"%s","message":"I want to kill myself tonight, %s","consentToContact":true}"""
                .formatted(given, family, email, phone, dob, given);
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                .contentType(MediaType.APPLICATION_JSON).content(inquiry)).andReturn().getResponse().getStatus())
                .isEqualTo(201);
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/inquiries").with(IntakeFixtures.fromNewAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(inquiry.replace("\"consentToContact\":true", "\"antidepressantsTried\":\"" + given + " "
                        + family + "\"")));
        mvc.perform(MockMvcRequestBuilders.post("/inquiry").with(IntakeFixtures.fromNewAddress()).with(csrf())
                .param("firstName", given).param("lastName", family).param("email", email).param("phone", phone)
                .param("preferredContact", "email").param("state", "AZ").param("dateOfBirth", dob)
                .param("message", "no reason to live").param("consentToContact", "true")
                .param("submissionToken", UUID.randomUUID().toString()));

        // a patient registered on the page, then PHQ-9 answers with a positive item 9
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var details = PatientFixtures.details(given, family, LocalDate.parse(dob));
        phi.add(details.email());
        var form = MockMvcRequestBuilders.post("/patients").with(csrf()).with(TestAccounts.as(intake));
        for (var component : details.getClass().getRecordComponents()) {
            var value = component.getAccessor().invoke(details);
            if (value != null) {
                form.param(component.getName(), value.toString());
            }
        }
        assertThat(mvc.perform(form).andReturn().getResponse().getStatus()).isEqualTo(302);
        var patient = new PatientId(jdbc.sql("SELECT id FROM patient WHERE legal_family_name = :f")
                .param("f", family).query(UUID.class).single());
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        TestAccounts.runAs(therapist, () -> context.getBean(Assessments.class).recordByClinician(patient, "phq9",
                Map.of("1", 3, "2", 3, "3", 2, "4", 2, "5", 1, "6", 3, "7", 2, "8", 1, "9", 3), null, Channel.CLINICIAN));

        // a dosing session: the fixture's patient is synthetic too, and watched the same way
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 40).cleared(context);
        var dosed = TestAccounts.runAs(f.nurse(), () -> context.getBean(Patients.class).get(f.patient())).details();
        phi.addAll(List.of(dosed.legalFamilyName(), dosed.email()));
        TestAccounts.runAs(f.nurse(), () -> {
            var administrations = context.getBean(Administrations.class);
            administrations.prepare(f.session(), new AdministrationForm(Route.NASAL, new BigDecimal("56"), null, null,
                    f.esketamineLot(), null, f.nurse().displayName(), null));
            administrations.giveDevice(f.session());
            TestClock.INSTANCE.advance(Duration.ofMinutes(5));
            administrations.giveDevice(f.session());
        });

        // failed sign-ins: a known account's email, and an email that is no account
        var portal = TestAccounts.create(context, Role.THERAPIST);
        for (var who : List.of(portal.email(), email)) {
            mvc.perform(MockMvcRequestBuilders.post("/login").param("email", who).param("password", "wrong-" + family)
                    .with(csrf()).with(IntakeFixtures.fromNewAddress()));
        }
        phi.add(portal.email());

        var logged = new StringBuilder();
        for (var event : appender.list) {
            logged.append(event.getLoggerName()).append(": ").append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                logged.append("  ").append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        for (var value : phi) {
            assertThat(logged.toString()).as("log events").doesNotContainIgnoringCase(value);
            assertThat(output.getAll()).as("standard output and error").doesNotContainIgnoringCase(value);
        }
        assertThat(appender.list).as("the appender heard the flows (sanity check)").isNotNull();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
