// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import org.kapclinic.audit.AuditTrail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Registers {@link SessionLifetimeFilter} right after Spring Session's filter (ADR 027). A registration rather than a
 * filter component, so controller slice tests, which pick up every filter component, do not need the session settings.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionLifetime {

    @Bean
    FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(SessionSettings settings, AuditTrail audit) {
        var registration = new FilterRegistrationBean<>(new SessionLifetimeFilter(settings, audit));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
