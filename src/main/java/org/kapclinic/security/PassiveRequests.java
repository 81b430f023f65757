// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A passive request (header {@code X-KAP-Passive: 1}: a live board polling on its own) must not keep an idle session
 * alive, or an unattended tablet would stay signed in forever. Spring Session stamps every access, so this filter,
 * outside Spring Session's, puts the session's last-access and expiry times back after the request, and tells the page
 * how many seconds the session has left ({@code X-KAP-Session-Remaining}) so it can lock before the time-out. ADR 018.
 */
@Configuration(proxyBeanMethods = false)
class PassiveRequests {

    static final String HEADER = "X-KAP-Passive";
    static final String REMAINING = "X-KAP-Session-Remaining";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> passiveRequestFilter(JdbcClient jdbc) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(jdbc));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static boolean passive(HttpServletRequest request) {
        return "1".equals(request.getHeader(HEADER));
    }

    private static final class Filter extends OncePerRequestFilter {

        private final JdbcClient jdbc;

        Filter(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        private record Times(long lastAccess, long expiry) {}

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var id = passive(request) ? sessionId(request) : null;
            var before = id == null ? null : jdbc.sql("SELECT last_access_time, expiry_time FROM spring_session"
                    + " WHERE session_id = :id").param("id", id)
                    .query((rs, n) -> new Times(rs.getLong(1), rs.getLong(2))).optional().orElse(null);
            if (before != null) {
                long remaining = Math.max(0, (before.expiry() - System.currentTimeMillis()) / 1000);
                response.setHeader(REMAINING, Long.toString(remaining));
            }
            try {
                chain.doFilter(request, response);
            } finally {
                if (before != null) {
                    jdbc.sql("UPDATE spring_session SET last_access_time = :last, expiry_time = :expiry"
                                    + " WHERE session_id = :id")
                            .param("last", before.lastAccess()).param("expiry", before.expiry()).param("id", id)
                            .update();
                }
            }
        }

        private static @Nullable String sessionId(HttpServletRequest request) {
            var cookies = request.getCookies();
            if (cookies == null) {
                return null;
            }
            for (Cookie c : cookies) {
                if (SessionCookieConfiguration.COOKIE_NAME.equals(c.getName())) {
                    try {
                        return new String(Base64.getDecoder().decode(c.getValue()), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }
            }
            return null;
        }
    }
}
