// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A user's sessions in the shared session store (Spring Session JDBC), so ending them works on every node at once:
 * list, sign out everywhere, and an admin ending another user's sessions (ADR 027). Every ending is audited.
 */
@Service
@ConditionalOnWebApplication
class Sessions {

    /** One open session as its owner sees it; {@code current} is the one making this request. */
    record ActiveSession(Instant created, Instant lastUsed, @Nullable String client, boolean current) {}

    private final FindByIndexNameSessionRepository<? extends Session> repository;
    private final UserAccountRepository accounts;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository, UserAccountRepository accounts,
            CurrentUser currentUser, AuditTrail audit) {
        this.repository = repository;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @PreAuthorize("isAuthenticated()")
    List<ActiveSession> mine(String currentSessionId) {
        return repository.findByPrincipalName(currentUser.get().email()).values().stream()
                .map(s -> new ActiveSession(s.getCreationTime(), s.getLastAccessedTime(),
                        s.getAttribute(SessionLifetimeFilter.CLIENT), s.getId().equals(currentSessionId)))
                .sorted(Comparator.comparing(ActiveSession::lastUsed).reversed())
                .toList();
    }

    /** Ends all the signed-in user's sessions but the current one (the caller invalidates that); returns how many. */
    @PreAuthorize("isAuthenticated()")
    int signOutEverywhere(String currentSessionId) {
        var email = currentUser.get().email();
        var ended = endAll(email, currentSessionId);
        audit.record(new AuditRecord("SIGNED_OUT_EVERYWHERE", AuditRecord.Outcome.SUCCESS, null, "UserAccount",
                currentUser.get().id().toString(), "sessions=" + (ended + 1)));
        return ended;
    }

    /** An admin ends every session of another user, e.g. a lost laptop; returns how many. */
    @PreAuthorize("hasRole('ADMIN')")
    int endSessionsOf(UserId id) {
        var user = accounts.findUser(id).orElseThrow(() -> new AccountProblem(null, "No such account."));
        var ended = endAll(user.email(), null);
        audit.record(new AuditRecord("USER_SESSIONS_ENDED", AuditRecord.Outcome.SUCCESS, null, "UserAccount",
                id.toString(), "sessions=" + ended));
        return ended;
    }

    private int endAll(String email, @Nullable String except) {
        var ids = repository.findByPrincipalName(email).keySet().stream().filter(id -> !id.equals(except)).toList();
        ids.forEach(repository::deleteById);
        return ids.size();
    }
}
