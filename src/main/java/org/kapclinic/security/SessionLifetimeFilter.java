// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session older than {@code kap.security.session.absolute-lifetime} (default 12 h) however active it
 * is (ADR 027). It runs right after Spring Session's filter and reads the creation time Spring Session stores in the
 * database, so every node agrees; the request then goes on unauthenticated (sign-in page, or 401 for the API). It
 * also notes the client's address and browser on a signed-in session once, for the user's list of sessions.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    static final String CLIENT = "kap.client";

    private final SessionSettings settings;
    private final AuditTrail audit;

    SessionLifetimeFilter(SessionSettings settings, AuditTrail audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null) {
            var created = Instant.ofEpochMilli(session.getCreationTime());
            // The session's own time base: Spring Session stamps creation and last access with the system clock and
            // judges the idle time-out by it, so the absolute lifetime is judged by the same clock, not the injected one
            // (a clinic clock pinned in tests, or skewed, must not end or prolong sessions).
            if (!created.plus(settings.absoluteLifetime()).isAfter(Instant.now())) {
                var auth = context.getAuthentication();
                session.invalidate();
                audit.recordAs(auth.getName(), "", new AuditRecord("SESSION_EXPIRED", AuditRecord.Outcome.SUCCESS,
                        null, "UserAccount", null, "absolute lifetime " + settings.absoluteLifetime()));
            } else if (session.getAttribute(CLIENT) == null) {
                var agent = request.getHeader("User-Agent");
                session.setAttribute(CLIENT, request.getRemoteAddr() + " · "
                        + (agent == null ? "unknown browser" : agent.length() > 160 ? agent.substring(0, 160) : agent));
            }
        }
        chain.doFilter(request, response);
    }
}
