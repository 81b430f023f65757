// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.util.List;
import java.util.Set;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.springframework.stereotype.Component;

/** The demo clinic's sign-ins: one account per role, four therapists, and one patient portal account. */
@Component
class SecurityDemoData implements DemoDataContributor {

    record DemoAccount(String email, String name, Role role) {}

    /**
     * Fixed authenticator secrets for the demo accounts whose role requires a second factor by default (README, demo
     * sign-ins): add them to any authenticator app. Synthetic and public, like the demo password.
     */
    static final java.util.Map<String, String> TOTP_SECRETS = java.util.Map.of(
            "admin@demo.kapclinic.test", "KAPDEMOADMINSECRETTOTPSYNTHETICA",
            "prescriber@demo.kapclinic.test", "KAPDEMOPRESCRIBERTOTPSYNTHETICAA");

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin@demo.kapclinic.test", "Avery Adminson (demo)", Role.ADMIN),
            new DemoAccount("intake@demo.kapclinic.test", "Ingrid Intakewell (demo)", Role.INTAKE_COORDINATOR),
            new DemoAccount("therapist1@demo.kapclinic.test", "Theo Testwood, LMFT (demo)", Role.THERAPIST),
            new DemoAccount("therapist2@demo.kapclinic.test", "Tamsin Mockley, PsyD (demo)", Role.THERAPIST),
            new DemoAccount("therapist3@demo.kapclinic.test", "Tomas Fictbury, LCSW (demo)", Role.THERAPIST),
            new DemoAccount("therapist4@demo.kapclinic.test", "Thea Samplefield, LPC (demo)", Role.THERAPIST),
            new DemoAccount("nurse@demo.kapclinic.test", "Nina Nursefield, RN (demo)", Role.NURSE),
            new DemoAccount("prescriber@demo.kapclinic.test", "Priya Prescott-Demo, MD (demo)", Role.PRESCRIBER),
            new DemoAccount("patient@demo.kapclinic.test", "Pat Portalson (demo)", Role.PATIENT));

    private final UserAccounts accounts;
    private final UserAccountRepository repository;
    private final MfaEnrolments mfa;

    SecurityDemoData(UserAccounts accounts, UserAccountRepository repository, MfaEnrolments mfa) {
        this.accounts = accounts;
        this.repository = repository;
        this.mfa = mfa;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String contribute(DemoContext context) {
        int created = 0;
        for (var account : ACCOUNTS) {
            var existing = repository.findForSignIn(account.email());
            UserId id;
            if (existing.isPresent()) {
                id = existing.get().id();
            } else {
                id = accounts.createWithPassword(account.email(), account.name(), Set.of(account.role()),
                        DemoContext.DEMO_PASSWORD, "DEMO_ACCOUNT_CREATED");
                created++;
            }
            var secret = TOTP_SECRETS.get(account.email());
            if (secret != null) {
                mfa.enrolFixed(id, secret);
            }
            context.put(account.role().name(), id.value());
        }
        return created + " demo accounts";
    }
}
