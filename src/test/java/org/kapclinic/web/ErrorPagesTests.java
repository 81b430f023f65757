// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.SecurityHeaders;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Error answers leak nothing (ADR 029): no stack trace, exception class, SQL, framework or version, in the HTML error
 * page or in JSON (problem+json on the API, Boot's error JSON elsewhere), for 404, 405, 400 (a parameter of the wrong
 * type) and 500. MockMvc does not forward to /error as a servlet container does, so where the container would, the
 * test asks /error itself with the attributes the container sets, including an exception that carries SQL and a name.
 * The security headers are checked on the answers to the failing requests themselves: a container writes them in that
 * first dispatch, before it forwards to /error.
 */
@ClinicIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPagesTests {

    /** What must never reach a browser or an API client. */
    static final String[] LEAKS = {"Exception", "\tat ", "at org.", "at java.", "org.kapclinic", "org.springframework",
        "java.", "SELECT", "INSERT", "SQL", "Tomcat", "Apache", "Spring", "Hibernate", "H2", "PostgreSQL", "\"trace\"",
        "\"exception\"", "Secretname", "Whitelabel"};

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    ClinicUser staff;

    @BeforeAll
    void createCaller() {
        staff = TestAccounts.create(context, Role.INTAKE_COORDINATOR, Role.PRESCRIBER);
    }

    @Test
    void notFoundPagesAndProblemsLeakNothing() throws Exception {
        var page = mvc.perform(MockMvcRequestBuilders.get("/no-such-page").accept(MediaType.TEXT_HTML)
                .with(TestAccounts.as(staff))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(404);
        assertCleanWithHeaders(page);
        assertClean(errorPage(404, null, "/no-such-page", MediaType.TEXT_HTML));
        assertClean(errorPage(404, null, "/no-such-page", MediaType.APPLICATION_JSON));
        var api = mvc.perform(MockMvcRequestBuilders.get("/api/v1/patients/" + java.util.UUID.randomUUID())
                .accept(MediaType.APPLICATION_JSON).with(TestAccounts.as(staff))).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(404);
        assertCleanWithHeaders(api);
    }

    @Test
    void wrongMethodsLeakNothing() throws Exception {
        var page = mvc.perform(MockMvcRequestBuilders.put("/patients/new").with(csrf()).accept(MediaType.TEXT_HTML)
                .with(TestAccounts.as(staff))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(405);
        assertCleanWithHeaders(page);
        assertClean(errorPage(405, null, "/patients/new", MediaType.TEXT_HTML));
        var api = mvc.perform(MockMvcRequestBuilders.delete("/api/v1/patients").with(csrf())
                .accept(MediaType.APPLICATION_JSON).with(TestAccounts.as(staff))).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(405);
        assertCleanWithHeaders(api);
    }

    @Test
    void parametersOfTheWrongTypeLeakNothing() throws Exception {
        var page = mvc.perform(MockMvcRequestBuilders.get("/patients/not-a-uuid").accept(MediaType.TEXT_HTML)
                .with(TestAccounts.as(staff))).andReturn().getResponse();
        assertThat(page.getStatus()).isBetween(400, 404);
        assertCleanWithHeaders(page);
        var api = mvc.perform(MockMvcRequestBuilders.get("/api/v1/patients/not-a-uuid").accept(MediaType.APPLICATION_JSON)
                .with(TestAccounts.as(staff))).andReturn().getResponse();
        assertThat(api.getStatus()).isBetween(400, 404);
        assertCleanWithHeaders(api);
        var body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/patients").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"dateOfBirth\":\"not a date\",\"legalGivenName\":[1]}")
                .accept(MediaType.APPLICATION_JSON).with(TestAccounts.as(staff))).andReturn().getResponse();
        assertThat(body.getStatus()).isEqualTo(400);
        assertCleanWithHeaders(body);
        assertClean(errorPage(400, null, "/patients", MediaType.TEXT_HTML));
    }

    @Test
    void serverErrorsLeakNeitherTheExceptionNorItsSql() throws Exception {
        var failure = new IllegalStateException("PreparedStatementCallback; SELECT * FROM patient WHERE legal_family_name"
                + " = 'Secretname'", new SQLException("ERROR: relation patient_x does not exist (PostgreSQL 16.4)"));
        assertClean(errorPage(500, failure, "/patients", MediaType.TEXT_HTML));
        assertClean(errorPage(500, failure, "/api/v1/patients", MediaType.APPLICATION_JSON));
        var problem = new ApiProblemAdvice().unexpected(failure);
        assertThat(problem.getStatus()).isEqualTo(500);
        for (var leak : LEAKS) {
            assertThat(String.valueOf(problem.getDetail()) + problem.getTitle()).doesNotContain(leak);
        }
    }

    /** What the servlet container forwards to /error after sendError or an uncaught exception. */
    private MockHttpServletResponse errorPage(int status, Throwable failure, String uri, MediaType accept)
            throws Exception {
        var request = MockMvcRequestBuilders.get("/error").accept(accept).with(TestAccounts.as(staff))
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri)
                .requestAttr(RequestDispatcher.ERROR_MESSAGE, failure == null ? "" : failure.getMessage());
        if (failure != null) {
            request.requestAttr(RequestDispatcher.ERROR_EXCEPTION, failure)
                    .requestAttr(RequestDispatcher.ERROR_EXCEPTION_TYPE, failure.getClass());
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return response;
    }

    private static void assertClean(MockHttpServletResponse response) throws Exception {
        var body = response.getContentAsString(StandardCharsets.UTF_8);
        for (var leak : LEAKS) {
            assertThat(body).as("status %s body", response.getStatus()).doesNotContain(leak);
        }
    }

    private static void assertCleanWithHeaders(MockHttpServletResponse response) throws Exception {
        assertClean(response);
        SecurityHeaders.assertPresent("error " + response.getStatus(), response, false);
    }
}
