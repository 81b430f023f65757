// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The hash rule shared by the writer and the verifier: SHA-256 over the previous hash and every stored field. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final char SEP = '\u001f';
    private static final String NULL = "\u0000";

    private AuditChain() {}

    static String hash(String prevHash, long seq, UUID id, long occurredAtMicros, String username, String roles,
            String action, String outcome, @Nullable UUID patientId, @Nullable String entityType,
            @Nullable String entityId, @Nullable String clientIp, @Nullable String details) {
        var canonical = new StringBuilder(256)
                .append(prevHash).append(SEP).append(seq).append(SEP).append(id).append(SEP)
                .append(occurredAtMicros).append(SEP).append(username).append(SEP).append(roles).append(SEP)
                .append(action).append(SEP).append(outcome).append(SEP).append(orNull(patientId)).append(SEP)
                .append(orNull(entityType)).append(SEP).append(orNull(entityId)).append(SEP)
                .append(orNull(clientIp)).append(SEP).append(orNull(details));
        return sha256(canonical.toString());
    }

    static String hash(AuditEntry e) {
        return hash(e.prevHash(), e.seq(), e.id(), micros(e.occurredAt()), e.username(), e.roles(), e.action(),
                e.outcome(), e.patientId(), e.entityType(), e.entityId(), e.clientIp(), e.details());
    }

    static long micros(java.time.Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static String orNull(@Nullable Object value) {
        return value == null ? NULL : value.toString();
    }

    static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
