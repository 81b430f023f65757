// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.notifications.MailStatus;
import org.kapclinic.notifications.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: invitations, activation, roles, disabling and unlocking. Every privilege change is audited in the same
 * transaction. Refuses to leave the clinic without an enabled admin.
 */
@Service
@Transactional
public class UserAccounts {

    private final UserAccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final MailStatus mailStatus;
    private final SecuritySettings settings;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final String baseUrl;
    private final String clinicName;

    UserAccounts(UserAccountRepository accounts, JdbcClient jdbc, PasswordEncoder passwords, SignInThrottle throttle,
            AuditTrail audit, Notifications notifications, MailStatus mailStatus, SecuritySettings settings,
            Clock clock, CurrentUser currentUser, @Value("${kap.clinic.base-url}") String baseUrl,
            @Value("${kap.clinic.name}") String clinicName) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.notifications = notifications;
        this.mailStatus = mailStatus;
        this.settings = settings;
        this.clock = clock;
        this.currentUser = currentUser;
        this.baseUrl = baseUrl;
        this.clinicName = clinicName;
    }

    /** Invites a staff member: creates the account without a password and emails a set-password link. */
    @PreAuthorize("hasRole('ADMIN')")
    public Invitation inviteStaff(String email, String displayName, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new AccountProblem("roles", "Choose at least one role.");
        }
        if (roles.contains(Role.PATIENT)) {
            throw new AccountProblem("roles", "Patients are invited from their record, not here.");
        }
        var id = createAccount(email, displayName, EnumSet.copyOf(roles), null);
        audit.record(new AuditRecord("USER_INVITED", AuditRecord.Outcome.SUCCESS, null, "UserAccount", id.toString(),
                "roles=" + String.join(",", roles.stream().map(Enum::name).sorted().toList())));
        return issueInvitation(id, email, displayName);
    }

    /** Invites a patient to the portal; called from the patient's record, which links the returned account. */
    @PreAuthorize("hasAnyRole('INTAKE_COORDINATOR', 'THERAPIST', 'NURSE', 'PRESCRIBER')")
    public Invitation invitePatient(String email, String displayName, UUID patientId) {
        var id = createAccount(email, displayName, EnumSet.of(Role.PATIENT), null);
        audit.record(new AuditRecord("USER_INVITED", AuditRecord.Outcome.SUCCESS, patientId, "UserAccount",
                id.toString(), "roles=PATIENT"));
        return issueInvitation(id, email, displayName);
    }

    /** A fresh link for someone who has not set a password yet; older links stop working. */
    @PreAuthorize("hasRole('ADMIN')")
    public Invitation reissueInvitation(UserId id) {
        var user = accounts.findUser(id).orElseThrow(() -> new AccountProblem(null, "No such account."));
        if (user.getPassword() != null) {
            throw new AccountProblem(null, "This account already has a password.");
        }
        audit.record(new AuditRecord("USER_INVITED", AuditRecord.Outcome.SUCCESS, null, "UserAccount", id.toString(),
                "reissued"));
        return issueInvitation(id, user.email(), user.displayName());
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void disable(UserId id) {
        var user = accounts.findUser(id).orElseThrow(() -> new AccountProblem(null, "No such account."));
        if (user.hasRole(Role.ADMIN) && accounts.countEnabledWithRole(Role.ADMIN) <= 1 && user.isEnabledFlag()) {
            throw new AccountProblem(null, "This is the only enabled admin; enable another admin first.");
        }
        accounts.setEnabled(id, false);
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = :email").param("email", user.email()).update();
        audit.record(new AuditRecord("USER_DISABLED", AuditRecord.Outcome.SUCCESS, null, "UserAccount", id.toString(), null));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void enable(UserId id) {
        accounts.findUser(id).orElseThrow(() -> new AccountProblem(null, "No such account."));
        accounts.setEnabled(id, true);
        audit.record(new AuditRecord("USER_ENABLED", AuditRecord.Outcome.SUCCESS, null, "UserAccount", id.toString(), null));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void changeRoles(UserId id, Set<Role> roles) {
        var user = accounts.findUser(id).orElseThrow(() -> new AccountProblem(null, "No such account."));
        if (roles.isEmpty()) {
            throw new AccountProblem("roles", "Choose at least one role.");
        }
        if (user.hasRole(Role.PATIENT) != roles.contains(Role.PATIENT) || (roles.contains(Role.PATIENT) && roles.size() > 1)) {
            throw new AccountProblem("roles", "A patient account stays a patient account; staff roles are for staff accounts.");
        }
        if (user.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN) && accounts.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new AccountProblem("roles", "This is the only enabled admin; make someone else admin first.");
        }
        accounts.replaceRoles(id, EnumSet.copyOf(roles));
        // Sessions carry the old roles: end them so the change takes effect at once.
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = :email").param("email", user.email()).update();
        audit.record(new AuditRecord("USER_ROLES_CHANGED", AuditRecord.Outcome.SUCCESS, null, "UserAccount",
                id.toString(), user.roleNames() + " -> " + roles.stream().map(Enum::name).sorted().toList()));
    }

    /** Clears the failed-sign-in throttle for an account at once. */
    @PreAuthorize("hasRole('ADMIN')")
    public void unlock(UserId id) {
        var user = accounts.findUser(id).orElseThrow(() -> new AccountProblem(null, "No such account."));
        throttle.clear(SignInThrottle.accountKey(user.email()));
        audit.record(new AuditRecord("USER_UNLOCKED", AuditRecord.Outcome.SUCCESS, null, "UserAccount", id.toString(), null));
    }

    /** Sets the password from an invitation link. The link works once and expires. */
    public void acceptInvitation(String token, String password) {
        var hash = Secrets.sha256(token);
        var invitation = jdbc.sql("""
                SELECT user_id, expires_at FROM account_invitation WHERE token_hash = :hash AND used_at IS NULL""")
                .param("hash", hash)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), UserAccountRepository.instant(rs, "expires_at")})
                .optional()
                .filter(row -> ((java.time.Instant) row[1]).isAfter(clock.instant()))
                .orElseThrow(() -> new AccountProblem(null, "This link has expired or was already used. Ask the clinic for a new one."));
        var id = new UserId((UUID) invitation[0]);
        var user = accounts.findUser(id).orElseThrow();
        checkPassword(password, user.email());
        accounts.setPasswordHash(id, passwords.encode(password));
        jdbc.sql("UPDATE account_invitation SET used_at = :at WHERE user_id = :id AND used_at IS NULL")
                .param("at", UserAccountRepository.utc(clock.instant())).param("id", id.value()).update();
        audit.recordAs(user.email(), String.join(",", user.roleNames()),
                new AuditRecord("PASSWORD_SET", AuditRecord.Outcome.SUCCESS, null, "UserAccount", id.toString(), "invitation"));
    }

    @Transactional(readOnly = true)
    public boolean invitationUsable(String token) {
        return jdbc.sql("SELECT expires_at FROM account_invitation WHERE token_hash = :hash AND used_at IS NULL")
                .param("hash", Secrets.sha256(token))
                .query((rs, n) -> UserAccountRepository.instant(rs, "expires_at"))
                .optional()
                .filter(at -> at.isAfter(clock.instant()))
                .isPresent();
    }

    /**
     * Creates an account that can sign in at once. For the command-line {@code admin create}, the first-start
     * admin from the environment and the demo clinic; never reachable from a web request.
     */
    public UserId createWithPassword(String email, String displayName, Set<Role> roles, String password, String action) {
        checkPassword(password, email);
        var id = createAccount(email, displayName, EnumSet.copyOf(roles), passwords.encode(password));
        audit.recordAs("system", "", new AuditRecord(action, AuditRecord.Outcome.SUCCESS, null, "UserAccount",
                id.toString(), "roles=" + roles.stream().map(Enum::name).sorted().toList()));
        return id;
    }

    @Transactional(readOnly = true)
    public boolean anyEnabledAdmin() {
        return accounts.countEnabledWithRole(Role.ADMIN) > 0;
    }

    @Transactional(readOnly = true)
    public boolean exists(String email) {
        return accounts.emailExists(email);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AccountSummary> list() {
        return accounts.list(null);
    }

    /** Clinicians for care-team pickers and matching. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AccountSummary> withRole(Role role) {
        return accounts.list(role).stream().filter(AccountSummary::enabled).toList();
    }

    /**
     * Email addresses of enabled, activated accounts holding any of these roles, for system notifications such as
     * intake escalations (no sign-in needed: scheduled jobs call it).
     */
    @Transactional(readOnly = true)
    public List<String> notificationAddresses(Set<Role> roles) {
        return roles.stream().flatMap(role -> accounts.list(role).stream())
                .filter(a -> a.enabled() && a.activated()).map(AccountSummary::email).distinct().sorted().toList();
    }

    /** The email address of one enabled account, for a system notification to that person. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> notificationAddress(UserId id) {
        return accounts.summary(id).filter(AccountSummary::enabled).map(AccountSummary::email);
    }

    @Transactional(readOnly = true)
    public Map<UUID, String> displayNames(List<UUID> ids) {
        return accounts.displayNames(ids);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public AccountSummary get(UserId id) {
        return accounts.summary(id).orElseThrow(() -> new AccountProblem(null, "No such account."));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public boolean isThrottled(String email) {
        return throttle.isThrottled(SignInThrottle.accountKey(email));
    }

    public int minPasswordLength() {
        return settings.minPasswordLength();
    }

    void checkPassword(String password, String email) {
        if (password.length() < settings.minPasswordLength()) {
            throw new AccountProblem("password", "Use at least " + settings.minPasswordLength() + " characters.");
        }
        if (password.length() > 128) {
            throw new AccountProblem("password", "Use at most 128 characters.");
        }
        if (password.equalsIgnoreCase(email.trim())) {
            throw new AccountProblem("password", "The password must not be your email address.");
        }
    }

    private UserId createAccount(String email, String displayName, Set<Role> roles, String passwordHash) {
        if (!email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new AccountProblem("email", "Enter an email address like name@example.org.");
        }
        if (displayName.isBlank()) {
            throw new AccountProblem("displayName", "Enter the person's name.");
        }
        if (accounts.emailExists(email)) {
            throw new AccountProblem("email", "An account with this email already exists.");
        }
        var id = new UserId(UUID.randomUUID());
        accounts.insert(id, email, displayName, passwordHash, clock.instant(), currentUser.name());
        accounts.replaceRoles(id, roles);
        return id;
    }

    private Invitation issueInvitation(UserId id, String email, String displayName) {
        var token = Secrets.newSecret("");
        var now = clock.instant();
        var expires = now.plus(settings.invitationValidity());
        jdbc.sql("UPDATE account_invitation SET used_at = :at WHERE user_id = :id AND used_at IS NULL")
                .param("at", UserAccountRepository.utc(now)).param("id", id.value()).update();
        jdbc.sql("""
                INSERT INTO account_invitation (token_hash, user_id, created_at, expires_at)
                VALUES (:hash, :id, :now, :expires)""")
                .param("hash", Secrets.sha256(token)).param("id", id.value())
                .param("now", UserAccountRepository.utc(now)).param("expires", UserAccountRepository.utc(expires))
                .update();
        var link = baseUrl + "/invite/" + token;
        notifications.queueEmail(UserAccountRepository.normalise(email), "Your " + clinicName + " account",
                "Hello " + displayName + ",\n\nAn account was created for you at " + clinicName + ".\n"
                        + "Set your password here (the link works once and expires " + expires + "):\n\n" + link
                        + "\n\nIf you did not expect this message, you can ignore it.\n");
        return new Invitation(id, UserAccountRepository.normalise(email), link, expires, mailStatus.deliversEmail());
    }
}
