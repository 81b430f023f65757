// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, set explicitly: Spring Session's own default (a cookie named SESSION, not HttpOnly, no
 * SameSite) ignores {@code server.servlet.session.cookie.*}, which a test caught. HttpOnly, SameSite=Lax, and Secure
 * unless {@code KAP_SECURE_COOKIES=false} (only for plain-HTTP development and tests).
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

    static final String COOKIE_NAME = "KAPSESSION";

    @Bean
    CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
        var serializer = new DefaultCookieSerializer();
        serializer.setCookieName(COOKIE_NAME);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setUseSecureCookie(secure);
        serializer.setSameSite("Lax");
        return serializer;
    }
}
