// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends entries to the hash-chained audit trail. Callers pass what happened; the trail adds who (from the security
 * context), when (the injected clock) and from where (the current request's client address).
 *
 * <p>Appends lock the single chain-head row, so concurrent writers on any number of nodes produce one linear chain.
 * Call it last in a transaction, after the clinical change, so the head lock is held briefly.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<AuditMarker> markers;

    AuditTrail(JdbcClient jdbc, Clock clock, ObjectProvider<AuditMarker> markers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.markers = markers;
    }

    /** Records an entry for the signed-in user, in the caller's transaction (or a new one if there is none). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord record) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        append(usernameOf(auth), marked(rolesOf(auth), auth, record), record);
    }

    /** Records an entry for a named actor, e.g. a failed sign-in where nobody is authenticated. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String username, String roles, AuditRecord record) {
        append(username, roles, record);
    }

    /**
     * Records an entry in its own transaction, so it survives when the caller's transaction rolls back: refusals and
     * denied access are audited even though the attempted change is not kept.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(AuditRecord record) {
        record(record);
    }

    private void append(String username, String roles, AuditRecord r) {
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        long seq = head.lastSeq() + 1;
        var id = UUID.randomUUID();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String ip = clientIp();
        String user = truncate(username, 254);
        String roleText = truncate(roles, 200);
        String hash = AuditChain.hash(head.lastHash(), seq, id, AuditChain.micros(at), user, roleText, r.action(),
                r.outcome().name(), r.patientId(), r.entityType(), r.entityId(), ip, r.details());
        jdbc.sql("""
                INSERT INTO audit_entry (seq, id, occurred_at, username, roles, action, outcome, patient_id,
                    entity_type, entity_id, client_ip, details, prev_hash, hash)
                VALUES (:seq, :id, :at, :username, :roles, :action, :outcome, :patientId,
                    :entityType, :entityId, :ip, :details, :prevHash, :hash)""")
                .param("seq", seq).param("id", id).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("username", user).param("roles", roleText).param("action", r.action())
                .param("outcome", r.outcome().name()).param("patientId", r.patientId())
                .param("entityType", r.entityType()).param("entityId", r.entityId()).param("ip", ip)
                .param("details", r.details()).param("prevHash", head.lastHash()).param("hash", hash)
                .update();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", hash).update();
    }

    /** The roles plus any access mode's mark (break-glass, ADR 027), asked before the chain head is locked. */
    private String marked(String roles, @Nullable Authentication auth, AuditRecord record) {
        if (record.patientId() == null || auth == null || !auth.isAuthenticated()) {
            return roles;
        }
        var marks = new StringBuilder(roles);
        markers.orderedStream().forEach(marker -> {
            var mark = marker.markFor(record.patientId());
            if (mark != null) {
                marks.append(marks.isEmpty() ? "" : ",").append(mark);
            }
        });
        return marks.toString();
    }

    private static String usernameOf(@Nullable Authentication auth) {
        return auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
    }

    private static String rolesOf(@Nullable Authentication auth) {
        if (auth == null) {
            return "";
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .sorted()
                .collect(Collectors.joining(","));
    }

    private static @Nullable String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return truncate(request.getRemoteAddr(), 64);
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private record Head(long lastSeq, String lastHash) {}
}
