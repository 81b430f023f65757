// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * "Password verified, second factor pending" (ADR 026): what the session holds between the password and the code. It
 * carries no role, so no role rule lets it through; {@link SecondFactorFilter} sends it to the code or enrolment page,
 * and {@link CurrentUser} does not count it as signed in. Serializable, so Spring Session JDBC keeps it on any node.
 */
final class SecondFactorPending extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String AUTHORITY = "MFA_PENDING";

    private final ClinicUser user;

    SecondFactorPending(ClinicUser user, Object details) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.user = user;
        setDetails(details);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ClinicUser getPrincipal() {
        return user;
    }
}
