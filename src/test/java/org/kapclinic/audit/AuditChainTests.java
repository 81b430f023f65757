// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The chain stays linear under concurrent writers, and {@code audit verify} catches an altered, a deleted and a
 * reordered entry. Tampering tests restore the rows they touch so the shared database stays verifiable.
 */
@ClinicIntegrationTest
class AuditChainTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Test
    void staysLinearAndVerifiableUnderConcurrentWriters() throws Exception {
        long before = lastSeq();
        var pool = Executors.newFixedThreadPool(8);
        var tasks = new ArrayList<Callable<Void>>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < 25; i++) {
                    trail.recordAs("writer-" + thread + "@test.kapclinic.test", "NURSE",
                            AuditRecord.patient("PATIENT_VIEWED", UUID.randomUUID()));
                }
                return null;
            });
        }
        for (var future : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
            future.get();
        }
        pool.shutdown();
        assertThat(lastSeq() - before).isEqualTo(200);
        var result = verifier.verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(200);
    }

    @Test
    @DirtiesContext
    void detectsAnAlteredEntry() {
        trail.recordAs("alice@test.kapclinic.test", "THERAPIST", AuditRecord.success("PATIENT_SEARCHED"));
        long seq = lastSeq();
        jdbc.sql("UPDATE audit_entry SET username = 'mallory@test.kapclinic.test' WHERE seq = :seq").param("seq", seq).update();
        try {
            var result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.problems()).anyMatch(p -> p.startsWith("entry " + seq + ":") && p.contains("altered"));
        } finally {
            jdbc.sql("UPDATE audit_entry SET username = 'alice@test.kapclinic.test' WHERE seq = :seq").param("seq", seq).update();
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    @DirtiesContext
    void detectsADeletedEntry() {
        for (int i = 0; i < 3; i++) {
            trail.recordAs("bob@test.kapclinic.test", "NURSE", AuditRecord.success("PATIENT_SEARCHED"));
        }
        long middle = lastSeq() - 1;
        jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", middle).update();
        var result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).anyMatch(p -> p.contains("sequence gap"));
    }

    @Test
    @DirtiesContext
    void detectsReorderedEntries() {
        trail.recordAs("carol@test.kapclinic.test", "NURSE", AuditRecord.success("FIRST_THING"));
        trail.recordAs("carol@test.kapclinic.test", "NURSE", AuditRecord.success("SECOND_THING"));
        long second = lastSeq();
        long first = second - 1;
        jdbc.sql("UPDATE audit_entry SET seq = -1 WHERE seq = :s").param("s", first).update();
        jdbc.sql("UPDATE audit_entry SET seq = :f WHERE seq = :s").param("f", first).param("s", second).update();
        jdbc.sql("UPDATE audit_entry SET seq = :s WHERE seq = -1").param("s", second).update();
        var result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).anyMatch(p -> p.contains("link broken"));
    }

    @Test
    @DirtiesContext
    void detectsEntriesCutFromTheEnd() {
        trail.recordAs("dan@test.kapclinic.test", "NURSE", AuditRecord.success("LAST_THING"));
        jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", lastSeq()).update();
        var result = verifier.verify();
        assertThat(result.problems()).anyMatch(p -> p.contains("chain head"));
    }

    private long lastSeq() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head WHERE id = 1").query(Long.class).single();
    }
}
