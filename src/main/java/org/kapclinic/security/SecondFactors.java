// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Turning a pending sign-in into a full one, and asking whether this sign-in used an authenticator code. */
final class SecondFactors {

    /** Spring Security 7's factor authority for "this sign-in gave a one-time code from an authenticator app". */
    static final String TOTP_FACTOR = "FACTOR_TOTP";

    private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private SecondFactors() {}

    static boolean verified(@Nullable Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> TOTP_FACTOR.equals(a.getAuthority()));
    }

    static boolean verifiedNow() {
        return verified(SecurityContextHolder.getContext().getAuthentication());
    }

    static @Nullable SecondFactorPending pending() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending p ? p : null;
    }

    static String clientAddress(HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
                : request.getRemoteAddr();
    }

    /**
     * Signs {@code user} (freshly read, credentials erased) in with their roles plus the password and TOTP factors, in
     * a new session id (no fixation across the second step), and stores that in the database session.
     */
    static void signInFully(ClinicUser user, @Nullable Object details, Instant now, HttpServletRequest request,
            HttpServletResponse response, boolean newSessionId) {
        var authorities = new ArrayList<GrantedAuthority>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(now).build());
        authorities.add(FactorGrantedAuthority.withAuthority(TOTP_FACTOR).issuedAt(now).build());
        var full = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        full.setDetails(details);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        if (newSessionId) {
            request.getSession(true);
            request.changeSessionId();
        }
        SESSIONS.saveContext(context, request, response);
    }
}
