// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;
import org.kapclinic.security.ClinicUser;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockServletConfig;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Sends a request through Spring Security's filter chain to HAPI's servlet, in the mock web environment of
 * {@code @ClinicIntegrationTest} (MockMvc reaches only the DispatcherServlet, and HAPI's RestfulServer is a servlet of
 * its own). A caller signs in with a session (a session holding their security context, as after form sign-in) or with
 * an API bearer token, or not at all.
 */
public final class FhirRequests {

    private static final Set<Servlet> INITIALISED = Collections.newSetFromMap(new WeakHashMap<>());

    private FhirRequests() {}

    public static MockHttpServletResponse get(ApplicationContext context, String pathAndQuery,
            @Nullable ClinicUser sessionUser, @Nullable String bearer) {
        return send(context, "GET", pathAndQuery, sessionUser, bearer, Map.of());
    }

    public static MockHttpServletResponse send(ApplicationContext context, String method, String pathAndQuery,
            @Nullable ClinicUser sessionUser, @Nullable String bearer, Map<String, String> headers) {
        var uri = URI.create(pathAndQuery.replace("|", "%7C"));
        var request = new MockHttpServletRequest(method, uri.getRawPath());
        request.setServletPath("/fhir");
        request.setPathInfo(uri.getPath().length() > 5 ? uri.getPath().substring(5) : null);
        request.setQueryString(uri.getRawQuery());
        if (uri.getRawQuery() != null) {
            for (var pair : uri.getRawQuery().split("&")) {
                var eq = pair.indexOf('=');
                var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                request.addParameter(name, value);
            }
        }
        headers.forEach(request::addHeader);
        if (sessionUser != null) {
            var security = SecurityContextHolder.createEmptyContext();
            security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(sessionUser, null,
                    sessionUser.getAuthorities()));
            var session = new MockHttpSession();
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, security);
            request.setSession(session);
        }
        if (bearer != null) {
            request.addHeader("Authorization", "Bearer " + bearer);
        }
        var response = new MockHttpServletResponse();
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            new MockFilterChain(servlet(context), context.getBean("springSecurityFilterChain", Filter.class))
                    .doFilter(request, response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        return response;
    }

    private static synchronized Servlet servlet(ApplicationContext context) throws jakarta.servlet.ServletException {
        var servlet = context.getBean("fhirServlet", ServletRegistrationBean.class).getServlet();
        if (INITIALISED.add(servlet)) {
            servlet.init(new MockServletConfig(new MockServletContext(), "fhir"));
        }
        return servlet;
    }
}
