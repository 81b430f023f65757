// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.kapclinic.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * CSRF enforcement on every state-changing route (ADR 029). The routes come from the MVC handler mapping, so a route
 * added later is covered without a change here: every POST, PUT, PATCH and DELETE, sent from a signed-in session that
 * holds every role but without the CSRF token, is refused with 403 before any controller runs (the handler is never
 * reached, so nothing can have changed), and the refusal is audited. AuthorizationMatrixTests sends the same requests
 * with real fixtures as the roles the matrix lets in.
 */
@ClinicIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfEnforcementTests {

    /** Deliberately without a CSRF token: public and sessionless, there is no session a forged request could ride. */
    static final Set<String> CSRF_FREE = Set.of("POST /api/v1/inquiries");

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    ClinicUser everyRole;

    @BeforeAll
    void createCaller() {
        everyRole = TestAccounts.create(context, java.util.Arrays.stream(Role.values()).filter(r -> r != Role.PATIENT)
                .toArray(Role[]::new));
    }

    @TestFactory
    Stream<DynamicTest> everyStateChangingRouteRefusesASessionRequestWithoutItsCsrfToken() {
        var routes = new TreeSet<String>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE)
                    : info.getMethodsCondition().getMethods();
            for (var method : methods) {
                if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
                    info.getPatternValues().stream().filter(p -> !p.equals("/error"))
                            .forEach(p -> routes.add(method.name() + " " + p));
                }
            }
        });
        assertThat(routes).as("state-changing routes in the handler mapping").hasSizeGreaterThan(50);
        return routes.stream().filter(route -> !CSRF_FREE.contains(route)).map(route -> DynamicTest.dynamicTest(route,
                () -> {
                    var space = route.indexOf(' ');
                    var path = route.substring(space + 1).replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
                    long deniedBefore = denied();
                    var result = mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(route.substring(0, space)),
                                    URI.create(path)).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("anything", "x")
                            .with(TestAccounts.as(everyRole))).andReturn();
                    assertThat(result.getResponse().getStatus()).as(route).isEqualTo(403);
                    assertThat(result.getHandler()).as(route + ": no controller may run").isNull();
                    assertThat(denied()).as(route + ": the refusal is audited").isEqualTo(deniedBefore + 1);
                }));
    }

    private long denied() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCESS_DENIED' AND username = :u")
                .param("u", everyRole.email()).query(Long.class).single();
    }
}
