// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting in this request. Modules ask this instead of reading the security context themselves. */
@Component
public class CurrentUser {

    public Optional<ClinicUser> find() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        // "password verified, second factor pending" is not signed in yet (ADR 026)
        if (auth != null && !(auth instanceof SecondFactorPending) && auth.getPrincipal() instanceof ClinicUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public ClinicUser get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in required"));
    }

    /** The name recorded in created_by / updated_by columns. */
    public String name() {
        return find().map(ClinicUser::email).orElse("system");
    }
}
