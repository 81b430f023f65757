// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session older than {@code kap.security.session.absolute-lifetime} (default 12 h) however active it
 * is (ADR 027). It runs right after Spring Session's filter and reads the creation time Spring Session stores in the
 * database, so every node agrees; the request then goes on unauthenticated (sign-in page, or 401 for the API). It
 * also notes the client's address and browser on a signed-in session once, for the user's list of sessions.
 */
@Component
@ConditionalOnWebApplication
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class SessionLifetimeFilter extends OncePerRequestFilter {

    static final String CLIENT = "kap.client";

    private final SessionSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    SessionLifetimeFilter(SessionSettings settings, AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null) {
            var created = Instant.ofEpochMilli(session.getCreationTime());
            if (!created.plus(settings.absoluteLifetime()).isAfter(clock.instant())) {
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
