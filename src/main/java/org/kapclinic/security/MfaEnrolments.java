// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.notifications.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authenticator apps (TOTP) and recovery codes (ADR 026). A code is accepted for the current 30-second step or one step
 * either side, and only for a step later than the last one accepted, so a code seen over someone's shoulder cannot be
 * used again; the check-and-advance is one conditional UPDATE, so two nodes cannot both accept it. Wrong codes count
 * against the same sign-in throttle as wrong passwords and are audited.
 */
@Service
@Transactional
public class MfaEnrolments {

    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(MfaEnrolments.class);

    enum Outcome { CODE_ACCEPTED, RECOVERY_CODE_ACCEPTED, WRONG, THROTTLED }

    record Check(Outcome outcome, Optional<Duration> retryAfter) {
        boolean accepted() {
            return outcome == Outcome.CODE_ACCEPTED || outcome == Outcome.RECOVERY_CODE_ACCEPTED;
        }
    }

    private final JdbcClient jdbc;
    private final MfaKey key;
    private final MfaSettings settings;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final UserAccountRepository accounts;
    private final Clock clock;
    private final String clinicName;

    MfaEnrolments(JdbcClient jdbc, MfaKey key, MfaSettings settings, SignInThrottle throttle, AuditTrail audit,
            Notifications notifications, UserAccountRepository accounts, Clock clock,
            @Value("${kap.clinic.name}") String clinicName) {
        this.jdbc = jdbc;
        this.key = key;
        this.settings = settings;
        this.throttle = throttle;
        this.audit = audit;
        this.notifications = notifications;
        this.accounts = accounts;
        this.clock = clock;
        this.clinicName = clinicName;
    }

    @Transactional(readOnly = true)
    public boolean isEnrolled(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM mfa_enrolment WHERE user_id = :id").param("id", user.value())
                .query(Long.class).single() > 0;
    }

    /** Whether this person must give a code after the password: enrolled, or holding a role that requires it. */
    @Transactional(readOnly = true)
    boolean appliesTo(ClinicUser user) {
        return settings.requiredFor(user) || isEnrolled(user.id());
    }

    @Transactional(readOnly = true)
    int unusedRecoveryCodes(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM mfa_recovery_code WHERE user_id = :id AND used_at IS NULL")
                .param("id", user.value()).query(Long.class).single().intValue();
    }

    String issuer() {
        return clinicName;
    }

    /**
     * Completes enrolment (first time or replacing the authenticator) when the code fits the new secret; returns the
     * recovery codes, which are shown once and stored only as keyed hashes. Empty when the code does not fit.
     */
    Optional<List<String>> enrol(ClinicUser user, String secret, String typed, String clientAddress) {
        var step = matchingStep(secret, typed, Long.MIN_VALUE);
        if (step.isEmpty()) {
            failed(user, clientAddress, "enrolment code did not match");
            return Optional.empty();
        }
        boolean replacing = isEnrolled(user.id());
        store(user.id(), secret, step.getAsLong());
        audit.recordAs(user.email(), String.join(",", user.roleNames()), new AuditRecord(
                replacing ? "MFA_REPLACED" : "MFA_ENROLLED", AuditRecord.Outcome.SUCCESS, null, "UserAccount",
                user.id().toString(), "TOTP"));
        return Optional.of(newRecoveryCodes(user.id()));
    }

    /** The demo clinic's fixed secrets (README): enrols without a code and without recovery codes. */
    void enrolFixed(UserId user, String secret) {
        if (!isEnrolled(user)) {
            store(user, secret, Long.MIN_VALUE);
        }
    }

    /** Checks a code (or a recovery code) for a person who has passed the password step; throttled like passwords. */
    Check check(ClinicUser user, String typed, String clientAddress) {
        var wait = throttled(user, clientAddress);
        if (wait.isPresent()) {
            audit.recordAs(user.email(), "", new AuditRecord("SIGN_IN_THROTTLED", AuditRecord.Outcome.DENIED, null,
                    "UserAccount", null, "second factor; retry after " + wait.get().toSeconds() + " s"));
            return new Check(Outcome.THROTTLED, wait);
        }
        var clean = typed.replace(" ", "").replace("-", "").trim().toLowerCase(Locale.ROOT);
        if (clean.matches("\\d{" + Totp.DIGITS + "}")) {
            var stored = jdbc.sql("SELECT secret_sealed, last_used_step FROM mfa_enrolment WHERE user_id = :id")
                    .param("id", user.id().value())
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).optional();
            if (stored.isPresent()) {
                String secret;
                try {
                    secret = key.decrypt((String) stored.get()[0]);
                } catch (IllegalStateException wrongKey) {
                    log.error("The authenticator secret of account {} cannot be opened with this node's MFA key; "
                            + "set the same kap.security.mfa.encryption-key on every node, or reset the account's MFA.",
                            user.id());
                    failed(user, clientAddress, "secret unreadable with this node's key");
                    return new Check(Outcome.WRONG, Optional.empty());
                }
                var step = matchingStep(secret, clean, (Long) stored.get()[1]);
                if (step.isPresent() && advance(user.id(), step.getAsLong())) {
                    succeeded(user, clientAddress);
                    return new Check(Outcome.CODE_ACCEPTED, Optional.empty());
                }
            }
            failed(user, clientAddress, "code wrong or already used");
            return new Check(Outcome.WRONG, Optional.empty());
        }
        if (clean.matches("[" + RECOVERY_ALPHABET + "]{10}") && useRecoveryCode(user.id(), clean)) {
            succeeded(user, clientAddress);
            audit.recordAs(user.email(), String.join(",", user.roleNames()), new AuditRecord(
                    "MFA_RECOVERY_CODE_USED", AuditRecord.Outcome.SUCCESS, null, "UserAccount", user.id().toString(),
                    unusedRecoveryCodes(user.id()) + " left"));
            return new Check(Outcome.RECOVERY_CODE_ACCEPTED, Optional.empty());
        }
        failed(user, clientAddress, "code wrong");
        return new Check(Outcome.WRONG, Optional.empty());
    }

    /** New recovery codes replace all earlier ones. */
    List<String> regenerateRecoveryCodes(ClinicUser user) {
        var codes = newRecoveryCodes(user.id());
        audit.record(new AuditRecord("MFA_RECOVERY_CODES_REGENERATED", AuditRecord.Outcome.SUCCESS, null,
                "UserAccount", user.id().toString(), null));
        return codes;
    }

    /**
     * An admin removes a person's authenticator and recovery codes (a lost phone). Their sessions end; at the next
     * sign-in they enrol again if their role requires it. The person is told by email, so a reset they did not ask for
     * does not go unnoticed.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void reset(UserId id) {
        var user = accounts.findUser(id).orElseThrow(() -> new AccountProblem(null, "No such account."));
        if (!isEnrolled(id)) {
            throw new AccountProblem(null, "This account has no authenticator to reset.");
        }
        jdbc.sql("DELETE FROM mfa_recovery_code WHERE user_id = :id").param("id", id.value()).update();
        jdbc.sql("DELETE FROM mfa_enrolment WHERE user_id = :id").param("id", id.value()).update();
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = :email").param("email", user.email()).update();
        audit.record(new AuditRecord("MFA_RESET", AuditRecord.Outcome.SUCCESS, null, "UserAccount", id.toString(),
                "authenticator and recovery codes removed; sessions ended"));
        notifications.queueEmail(user.email(), "Your " + clinicName + " two-step sign-in was reset",
                "Hello " + user.displayName() + ",\n\nAn administrator at " + clinicName + " reset the two-step "
                        + "sign-in (authenticator app and recovery codes) of your account at " + clock.instant()
                        + ".\nAt your next sign-in you will be asked to set up your authenticator app again.\n\n"
                        + "If you did not ask for this, tell the clinic's administrator at once.\n");
    }

    Optional<Duration> throttled(ClinicUser user, String clientAddress) {
        return throttle.waitFor(SignInThrottle.accountKey(user.email()))
                .or(() -> throttle.waitFor(SignInThrottle.ipKey(clientAddress)));
    }

    private void failed(ClinicUser user, String clientAddress, String why) {
        throttle.recordFailure(SignInThrottle.accountKey(user.email()), throttle.freeFailuresPerAccount());
        throttle.recordFailure(SignInThrottle.ipKey(clientAddress), throttle.freeFailuresPerIp());
        audit.recordAs(user.email(), "", new AuditRecord("SIGN_IN_FAILED", AuditRecord.Outcome.FAILURE, null,
                "UserAccount", null, "second factor: " + why));
    }

    private void succeeded(ClinicUser user, String clientAddress) {
        throttle.clear(SignInThrottle.accountKey(user.email()));
    }

    /** The step (now, one before or one after) whose code is {@code typed}, if later than {@code lastUsed}. */
    private java.util.OptionalLong matchingStep(String secret, String typed, long lastUsed) {
        var clean = typed.replace(" ", "").trim();
        if (!clean.matches("\\d{" + Totp.DIGITS + "}")) {
            return java.util.OptionalLong.empty();
        }
        long now = Totp.step(clock.instant());
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > lastUsed && Totp.matches(Totp.code(secret, step), clean)) {
                return java.util.OptionalLong.of(step);
            }
        }
        return java.util.OptionalLong.empty();
    }

    private boolean advance(UserId user, long step) {
        return jdbc.sql("UPDATE mfa_enrolment SET last_used_step = :step WHERE user_id = :id AND last_used_step < :step")
                .param("step", step).param("id", user.value()).update() == 1;
    }

    private void store(UserId user, String secret, long lastUsedStep) {
        jdbc.sql("DELETE FROM mfa_enrolment WHERE user_id = :id").param("id", user.value()).update();
        jdbc.sql("""
                INSERT INTO mfa_enrolment (user_id, secret_sealed, last_used_step, enrolled_at)
                VALUES (:id, :sealed, :step, :at)""")
                .param("id", user.value()).param("sealed", key.encrypt(secret)).param("step", lastUsedStep)
                .param("at", UserAccountRepository.utc(clock.instant())).update();
    }

    private List<String> newRecoveryCodes(UserId user) {
        jdbc.sql("DELETE FROM mfa_recovery_code WHERE user_id = :id").param("id", user.value()).update();
        var codes = new ArrayList<String>();
        while (codes.size() < RECOVERY_CODES) {
            var code = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            if (codes.stream().noneMatch(c -> c.replace("-", "").contentEquals(code))) {
                jdbc.sql("INSERT INTO mfa_recovery_code (user_id, code_hash, created_at) VALUES (:id, :hash, :at)")
                        .param("id", user.value()).param("hash", recoveryHash(user, code.toString()))
                        .param("at", UserAccountRepository.utc(clock.instant())).update();
                codes.add(code.substring(0, 5) + "-" + code.substring(5));
            }
        }
        return codes;
    }

    private boolean useRecoveryCode(UserId user, String clean) {
        return jdbc.sql("""
                UPDATE mfa_recovery_code SET used_at = :at
                WHERE user_id = :id AND code_hash = :hash AND used_at IS NULL""")
                .param("at", UserAccountRepository.utc(clock.instant())).param("id", user.value())
                .param("hash", recoveryHash(user, clean)).update() == 1;
    }

    private String recoveryHash(UserId user, String clean) {
        return key.hmac("recovery:" + user.value() + ":" + clean);
    }
}
