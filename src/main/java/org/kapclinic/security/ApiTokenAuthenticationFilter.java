// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer kap_...} on /api and /fhir for this request only (nothing goes into a
 * session). A token that is unknown, revoked or belongs to a disabled user gets 401 problem+json at once. If the
 * database is down the token cannot be checked: 503 problem+json (this filter runs before any controller advice).
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenAuthenticationFilter.class);

    private final ApiTokens tokens;
    private final ProblemResponses problems;

    ApiTokenAuthenticationFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    static boolean hasBearer(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/fhir/")) || !hasBearer(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var secret = request.getHeader("Authorization").substring(7).trim();
        Optional<ClinicUser> user;
        try {
            user = tokens.authenticate(secret, request.getMethod(), request.getRequestURI());
        } catch (RuntimeException e) {
            if (!DatabaseOutages.isOutage(e)) {
                throw e;
            }
            log.warn("Database unavailable while checking an API token: {}", e.getClass().getSimpleName());
            problems.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service unavailable",
                    "The clinic database is not reachable right now. Nothing was saved; try again shortly.",
                    request.getRequestURI());
            return;
        }
        if (user.isEmpty()) {
            problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "The bearer token is not valid: unknown, revoked, or its user is disabled.", request.getRequestURI());
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
