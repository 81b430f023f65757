// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The headers every answer carries, page or API, success or refusal (ADR 029): the content security policy (no inline
 * script, no framing), X-Frame-Options, X-Content-Type-Options, Referrer-Policy, Cache-Control no-store (nothing a
 * clinic serves may sit in a shared or browser cache), HSTS when the request came over HTTPS, and no header that names
 * the server software or its version.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {}

    public static void assertPresent(String what, MockHttpServletResponse response, boolean secure) {
        var soft = new SoftAssertions();
        soft.assertThat(response.getHeader("Content-Security-Policy")).as(what + ": Content-Security-Policy")
                .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        soft.assertThat(response.getHeader("X-Frame-Options")).as(what + ": X-Frame-Options").isEqualTo("DENY");
        soft.assertThat(response.getHeader("X-Content-Type-Options")).as(what + ": X-Content-Type-Options")
                .isEqualTo("nosniff");
        soft.assertThat(response.getHeader("Referrer-Policy")).as(what + ": Referrer-Policy").isEqualTo("same-origin");
        soft.assertThat(response.getHeaders("Cache-Control")).as(what + ": Cache-Control")
                .anySatisfy(value -> assertThat(value).contains("no-store"));
        if (secure) {
            soft.assertThat(response.getHeader("Strict-Transport-Security")).as(what + ": HSTS")
                    .contains("max-age=").contains("includeSubDomains");
        }
        soft.assertThat(response.getHeader("Server")).as(what + ": Server").isNull();
        soft.assertThat(response.getHeader("X-Powered-By")).as(what + ": X-Powered-By").isNull();
        soft.assertAll();
    }
}
