// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.patients.PatientFixtures;
import org.kapclinic.patients.Patients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Security headers on every page and API answer, and the session cookie's flags (ADR 029). The routes come from the
 * MVC handler mapping, so a page added later is covered without a change here: every GET route, its path variables
 * filled with a real record where the route is a patient's and with a fresh id elsewhere, asked for over HTTPS by a
 * signed-in account holding every staff role. Whatever the answer (page, 404, 403, redirect) it carries the headers
 * and is not a server error. AuthorizationMatrixTests checks the same headers on every cell of its matrix, where every
 * route is called with real fixtures by every role.
 */
@ClinicIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]*)(:[^}]*)?}");
    /** Path variables that are not ids: what a real link puts there. */
    private static final Map<String, String> NOT_IDS = Map.of("instrument", "phq9", "code", "phq9", "date", "2032-02-03",
            "day", "2032-02-03", "holiday", "2032-02-03", "kind", "treatment", "consentKind", "treatment",
            "protocol", "maintenance", "item", "identity", "filename", "Patient.ndjson");

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    ClinicUser staff;
    String patient;

    @BeforeAll
    void createCallerAndRecord() {
        staff = TestAccounts.create(context, Role.INTAKE_COORDINATOR, Role.THERAPIST, Role.NURSE, Role.PRESCRIBER,
                Role.ADMIN);
        patient = TestAccounts.runAs(staff, () -> context.getBean(Patients.class).register(PatientFixtures.details(
                "Headers", PatientFixtures.uniqueFamily(), java.time.LocalDate.of(1981, 5, 6)))).value().toString();
    }

    @TestFactory
    Stream<DynamicTest> everyGetRouteAnswersWithTheSecurityHeadersAndNeverAServerError() {
        var routes = new TreeSet<String>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                info.getPatternValues().stream().filter(p -> !p.equals("/error")).forEach(routes::add);
            }
        });
        assertThat(routes).as("GET routes found in the handler mapping").hasSizeGreaterThan(50);
        return routes.stream().map(route -> DynamicTest.dynamicTest("GET " + route, () -> {
            var uri = fill(route);
            var accept = route.startsWith("/api/") || route.startsWith("/v3/") ? MediaType.APPLICATION_JSON
                    : MediaType.TEXT_HTML;
            var response = mvc.perform(MockMvcRequestBuilders.get(uri).secure(true).accept(accept, MediaType.ALL)
                    .with(TestAccounts.as(staff))).andReturn().getResponse();
            assertThat(response.getStatus()).as("GET " + uri).isLessThan(500);
            SecurityHeaders.assertPresent("GET " + uri + " (" + response.getStatus() + ")", response, true);
        }));
    }

    @Test
    void anonymousPagesAndRefusalsCarryTheHeadersToo() throws Exception {
        for (var uri : new String[] {"/login", "/inquiry", "/", "/patients", "/api/v1/patients", "/no-such-page"}) {
            var response = mvc.perform(MockMvcRequestBuilders.get(uri).secure(true)).andReturn().getResponse();
            SecurityHeaders.assertPresent("anonymous GET " + uri, response, true);
        }
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndNotReadableByScript() throws Exception {
        var response = mvc.perform(post("/login").param("email", staff.email()).param("password", TestAccounts.PASSWORD)
                .with(csrf())).andReturn().getResponse();
        var cookie = response.getCookie(SessionCookieConfiguration.COOKIE_NAME);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(response.getHeaders("Set-Cookie")).anySatisfy(header -> assertThat(header)
                .startsWith(SessionCookieConfiguration.COOKIE_NAME + "=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    /** Tests run over plain HTTP with secure cookies off; the setting's default, as deployed, is Secure. */
    @Test
    void theSessionCookieIsSecureUnlessSwitchedOffForPlainHttpDevelopment() throws Exception {
        var serializer = new SessionCookieConfiguration().cookieSerializer(true);
        var request = new MockHttpServletRequest();
        var response = new MockHttpServletResponse();
        serializer.writeCookieValue(new org.springframework.session.web.http.CookieSerializer.CookieValue(request,
                response, "synthetic"));
        assertThat(response.getHeader("Set-Cookie")).startsWith("KAPSESSION=").contains("Secure").contains("HttpOnly")
                .contains("SameSite=Lax");
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("server.servlet.session.cookie.secure=${KAP_SECURE_COOKIES:true}");
        }
    }

    private String fill(String route) {
        var out = new StringBuilder();
        Matcher m = VARIABLE.matcher(route);
        while (m.find()) {
            var before = route.substring(0, m.start());
            String value;
            if (before.endsWith("/patients/") || before.endsWith("/Patient/")) {
                value = patient;
            } else {
                value = NOT_IDS.getOrDefault(m.group(1), UUID.randomUUID().toString());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
