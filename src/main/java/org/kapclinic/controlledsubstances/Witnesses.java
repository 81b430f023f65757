// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.time.Clock;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.security.ClinicUser;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The second person at a waste co-signs with their own email and password, checked by the sign-in's
 * AuthenticationManager: the same password check, the same progressive throttle (so the form cannot be used to guess a
 * colleague's password), the same audit entries. Runs outside any transaction so that a failure's throttle count and
 * audit entry are kept even though the waste is not.
 */
@Component
class Witnesses {

    private final AuthenticationManager authentication;
    private final ControlledSubstanceSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    Witnesses(AuthenticationManager authentication, ControlledSubstanceSettings settings, AuditTrail audit, Clock clock) {
        this.authentication = authentication;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    WitnessSignature verify(ClinicUser administrator, @Nullable String email, @Nullable String password) {
        var typed = email == null ? "" : email.strip();
        if (typed.isEmpty()) {
            throw new IllegalArgumentException("witnessEmail: the witness enters their own email.");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("witnessPassword: the witness enters their own password.");
        }
        if (typed.equalsIgnoreCase(administrator.email())) {
            refuse("same person");
            LedgerRules.witnessIsSecondPerson(administrator.email(), administrator.email());
        }
        var token = UsernamePasswordAuthenticationToken.unauthenticated(typed, password);
        token.setDetails(new WebAuthenticationDetails(clientAddress(), null));
        ClinicUser witness;
        try {
            var result = authentication.authenticate(token);
            witness = (ClinicUser) result.getPrincipal();
        } catch (DisabledException e) {
            refuse("account disabled");
            throw new IllegalArgumentException("witnessEmail: that account is disabled or not activated; it cannot "
                    + "witness.");
        } catch (BadCredentialsException e) {
            refuse("wrong email or password");
            throw new IllegalArgumentException("witnessPassword: the witness's email or password is not right.");
        } catch (AuthenticationException e) {
            refuse(e.getClass().getSimpleName());
            throw new IllegalArgumentException("witnessPassword: the witness could not be verified: " + e.getMessage());
        }
        LedgerRules.witnessIsSecondPerson(administrator.id(), witness.id());
        if (witness.roles().stream().noneMatch(settings.witnessRoles()::contains)) {
            refuse("role");
            throw new IllegalArgumentException("witnessEmail: a witness must be one of: " + settings.witnessRoles()
                    .stream().map(r -> r.label().toLowerCase(java.util.Locale.ROOT)).sorted()
                    .collect(Collectors.joining(", ")) + ".");
        }
        audit.record(AuditRecord.success("CS_WITNESS_VERIFIED").about("UserAccount", witness.id().toString())
                .withDetails("witness " + witness.email()));
        return new WitnessSignature(witness.id().value(), witness.email(), witness.displayName(), clock.instant());
    }

    /** A signature is usable for a waste by someone else, while it is fresh. */
    void check(WitnessSignature signature, ClinicUser administrator) {
        LedgerRules.witnessIsSecondPerson(administrator.id().value(), signature.accountId());
        if (signature.verifiedAt().plus(settings.witnessSignatureValidity()).isBefore(clock.instant())) {
            throw new IllegalArgumentException("witnessPassword: the witness signed more than "
                    + settings.witnessSignatureValidity().toMinutes() + " minutes ago; ask them to sign again.");
        }
    }

    private void refuse(String why) {
        audit.record(new AuditRecord("CS_WITNESS_REFUSED", AuditRecord.Outcome.FAILURE, null, "UserAccount", null, why));
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return "unknown";
    }
}
