// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.notifications.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person changing their own password or email (after re-authenticating, see AccountController). Their other sessions
 * end, the change is audited, and an email change is told to the old address so a takeover does not go unnoticed.
 */
@Service
@Transactional
class OwnAccount {

    private final UserAccountRepository accounts;
    private final UserAccounts rules;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final String clinicName;

    OwnAccount(UserAccountRepository accounts, UserAccounts rules, PasswordEncoder passwords, JdbcClient jdbc,
            AuditTrail audit, Notifications notifications, @Value("${kap.clinic.name}") String clinicName) {
        this.accounts = accounts;
        this.rules = rules;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.audit = audit;
        this.notifications = notifications;
        this.clinicName = clinicName;
    }

    int minPasswordLength() {
        return rules.minPasswordLength();
    }

    void changePassword(ClinicUser user, String password, String confirmation, String keepSession) {
        rules.checkPassword(password, user.email());
        if (!password.equals(confirmation)) {
            throw new AccountProblem("confirmation", "The two passwords differ. Type the same password twice.");
        }
        accounts.setPasswordHash(user.id(), passwords.encode(password));
        endOtherSessions(user.email(), keepSession);
        audit.record(new AuditRecord("PASSWORD_CHANGED", AuditRecord.Outcome.SUCCESS, null, "UserAccount",
                user.id().toString(), "other sessions ended"));
    }

    /** @return the account as it is now, under the new address */
    ClinicUser changeEmail(ClinicUser user, String email, String keepSession) {
        var clean = UserAccountRepository.normalise(email);
        if (!clean.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || clean.length() > 254) {
            throw new AccountProblem("email", "Enter an email address like name@example.org.");
        }
        if (clean.equals(user.email())) {
            throw new AccountProblem("email", "That is already your email address.");
        }
        if (accounts.emailExists(clean)) {
            throw new AccountProblem("email", "Another account uses this email address.");
        }
        jdbc.sql("UPDATE user_account SET email = :email WHERE id = :id").param("email", clean)
                .param("id", user.id().value()).update();
        endOtherSessions(user.email(), keepSession);
        audit.record(new AuditRecord("EMAIL_CHANGED", AuditRecord.Outcome.SUCCESS, null, "UserAccount",
                user.id().toString(), "other sessions ended"));
        notifications.queueEmail(user.email(), "Your " + clinicName + " sign-in email was changed",
                "Hello " + user.displayName() + ",\n\nThe email address you sign in to " + clinicName + " with was "
                        + "changed to " + clean + ".\nIf you did not do this, tell the clinic's administrator at once.\n");
        var fresh = accounts.findUser(user.id()).orElseThrow();
        fresh.eraseCredentials();
        return fresh;
    }

    private void endOtherSessions(String email, String keepSession) {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = :email AND session_id <> :keep")
                .param("email", email).param("keep", keepSession).update();
    }
}
