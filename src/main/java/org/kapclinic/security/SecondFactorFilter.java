// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the second factor is pending, only the code and enrolment pages, sign-out and static files answer; every other
 * page sends the person to the code page (and is remembered, to go on to after the code), every fragment or API call
 * gets 401.
 */
final class SecondFactorFilter extends OncePerRequestFilter {

    static final String CODE_PAGE = "/login/code";
    static final String ENROL_PAGE = "/login/enrol";
    private static final Set<String> OPEN = Set.of("/login", CODE_PAGE, ENROL_PAGE, "/logout", "/error", "/favicon.ico");
    private static final Set<String> OPEN_PREFIXES = Set.of("/css/", "/js/", "/webjars/");

    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    SecondFactorFilter() {
        // the page to go on to after the code is plain ("/", not "/?continue"): the code page sends the person there itself
        requests.setMatchingRequestParameterName(null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth instanceof SecondFactorPending && !OPEN.contains(path)
                && OPEN_PREFIXES.stream().noneMatch(path::startsWith)) {
            if (SecurityConfiguration.API.matches(request) || request.getHeader("HX-Request") != null
                    || !"GET".equals(request.getMethod())) {
                response.sendError(401);
                return;
            }
            requests.saveRequest(request, response);
            response.sendRedirect(request.getContextPath() + CODE_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
