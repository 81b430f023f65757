// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for programs. An admin issues one to a user; it carries that user's roles, is stored as a SHA-256
 * hash, can be revoked, and every use is audited.
 */
@Service
@Transactional
public class ApiTokens {

    static final String PREFIX = "kap_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final UserAccountRepository accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final MfaEnrolments mfa;

    ApiTokens(JdbcClient jdbc, UserAccountRepository accounts, AuditTrail audit, Clock clock, CurrentUser currentUser,
            MfaEnrolments mfa) {
        this.mfa = mfa;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public IssuedToken issue(UserId user, String name) {
        if (!SecondFactors.verifiedNow()) {
            throw new AccountProblem(null, "API tokens are issued only by an admin signed in with an authenticator "
                    + "code. Sign out, sign in again with your code (set one up under Your account), then issue it.");
        }
        return issueAs(user, name, currentUser.name());
    }

    /** For the command-line {@code admin token} verb, run by someone with shell access to the server. */
    public IssuedToken issueFromCommandLine(String email, String name) {
        var user = accounts.findForSignIn(email).orElseThrow(() -> new AccountProblem("email", "No account " + email));
        return issueAs(user.id(), name, "command-line");
    }

    private IssuedToken issueAs(UserId user, String name, String by) {
        if (name.isBlank() || name.length() > 100) {
            throw new AccountProblem("name", "Name the token (1 to 100 characters), e.g. the program that uses it.");
        }
        var account = accounts.findUser(user).orElseThrow(() -> new AccountProblem(null, "No such account."));
        if (!account.isEnabledFlag()) {
            throw new AccountProblem(null, "This account is disabled.");
        }
        if (!mfa.isEnrolled(user)) {
            throw new AccountProblem(null, "No token issued: " + account.email() + " has not set up two-step sign-in. "
                    + "API tokens are issued only to accounts with an authenticator app; they set it up under Your "
                    + "account (or at their next sign-in, if their role requires it).");
        }
        var secret = Secrets.newSecret(PREFIX);
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO api_token (id, user_id, name, token_prefix, token_hash, created_at, created_by)
                VALUES (:id, :user, :name, :prefix, :hash, :at, :by)""")
                .param("id", id).param("user", user.value()).param("name", name.trim())
                .param("prefix", secret.substring(0, 10)).param("hash", Secrets.sha256(secret))
                .param("at", UserAccountRepository.utc(clock.instant())).param("by", by)
                .update();
        audit.record(new AuditRecord("API_TOKEN_ISSUED", AuditRecord.Outcome.SUCCESS, null, "ApiToken", id.toString(),
                "user=" + user));
        return new IssuedToken(id, name.trim(), secret);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void revoke(UUID tokenId) {
        int updated = jdbc.sql("UPDATE api_token SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                .param("at", UserAccountRepository.utc(clock.instant())).param("by", currentUser.name())
                .param("id", tokenId).update();
        if (updated == 0) {
            throw new AccountProblem(null, "No active token with that ID.");
        }
        audit.record(new AuditRecord("API_TOKEN_REVOKED", AuditRecord.Outcome.SUCCESS, null, "ApiToken",
                tokenId.toString(), null));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> list() {
        return jdbc.sql("""
                SELECT t.id, t.user_id, a.email, t.name, t.token_prefix, t.created_at, t.last_used_at, t.revoked_at
                FROM api_token t JOIN user_account a ON a.id = t.user_id ORDER BY t.created_at DESC""")
                .query((rs, n) -> new ApiTokenSummary(rs.getObject(1, UUID.class), new UserId(rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getString(4), rs.getString(5), UserAccountRepository.instant(rs, "created_at"),
                        UserAccountRepository.instant(rs, "last_used_at"), UserAccountRepository.instant(rs, "revoked_at")))
                .list();
    }

    /** The user a presented token stands for, if the token is known, not revoked and its user enabled. Audits the use. */
    Optional<ClinicUser> authenticate(String secret, String method, String path) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        var row = jdbc.sql("SELECT id, user_id, last_used_at FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", Secrets.sha256(secret))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        UserAccountRepository.instant(rs, "last_used_at")})
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var tokenId = (UUID) row.get()[0];
        var user = accounts.findUser(new UserId((UUID) row.get()[1])).filter(ClinicUser::isEnabledFlag);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        var lastUsed = (java.time.Instant) row.get()[2];
        if (lastUsed == null || lastUsed.isBefore(now.minus(LAST_USED_RESOLUTION))) {
            jdbc.sql("UPDATE api_token SET last_used_at = :at WHERE id = :id")
                    .param("at", UserAccountRepository.utc(now)).param("id", tokenId).update();
        }
        user.get().eraseCredentials();
        audit.recordAs(user.get().email(), String.join(",", user.get().roleNames()),
                new AuditRecord("API_TOKEN_USED", AuditRecord.Outcome.SUCCESS, null, "ApiToken", tokenId.toString(),
                        method + " " + path));
        return user;
    }
}
