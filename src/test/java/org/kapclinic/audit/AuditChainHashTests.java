// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainHashTests {

    private final UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private AuditEntry entry(String username, String details) {
        var e = new AuditEntry(1, id, Instant.parse("2026-11-26T10:00:00.123456Z"), username, "NURSE", "PATIENT_VIEWED",
                "SUCCESS", null, "Patient", "x", "127.0.0.1", details, AuditChain.GENESIS, "");
        return new AuditEntry(e.seq(), e.id(), e.occurredAt(), e.username(), e.roles(), e.action(), e.outcome(),
                e.patientId(), e.entityType(), e.entityId(), e.clientIp(), e.details(), e.prevHash(), AuditChain.hash(e));
    }

    @Test
    void changesWhenAnyFieldChanges() {
        assertThat(entry("a@test", null).hash()).isNotEqualTo(entry("b@test", null).hash());
        assertThat(entry("a@test", "x").hash()).isNotEqualTo(entry("a@test", null).hash());
    }

    @Test
    void distinguishesAnEmptyValueFromAMissingOne() {
        assertThat(entry("a@test", "").hash()).isNotEqualTo(entry("a@test", null).hash());
    }

    @Test
    void isStableForTheSameContent() {
        assertThat(entry("a@test", "d").hash()).isEqualTo(entry("a@test", "d").hash()).hasSize(64);
    }

    @Test
    void quotesCsvCellsAndNeutralisesFormulas() {
        assertThat(AuditReport.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditReport.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditReport.csv(null)).isEmpty();
        assertThat(AuditReport.csv("plain")).isEqualTo("plain");
    }
}
