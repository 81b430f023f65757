// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole chain in order and reports every entry that was altered (its hash no longer matches), deleted (a
 * gap in the sequence, or the head points past the last entry) or reordered (its previous-hash link is broken).
 * Used by {@code java -jar kap-clinic.jar audit verify}.
 */
@Service
public class AuditChainVerifier {

    private static final int MAX_PROBLEMS = 1000;
    private final JdbcClient jdbc;

    AuditChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Result(long entriesChecked, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public Result verify() {
        var problems = new ArrayList<String>();
        var expectedSeq = new AtomicLong(1);
        var prevHash = new AtomicReference<>(AuditChain.GENESIS);
        var checked = new AtomicLong();
        jdbc.sql("SELECT " + AuditEntryRows.COLUMNS + " FROM audit_entry ORDER BY seq")
                .query(AuditEntryRows::map)
                .stream()
                .forEach(entry -> {
                    checked.incrementAndGet();
                    if (entry.seq() != expectedSeq.get()) {
                        add(problems, "entry " + entry.seq() + ": sequence gap, expected " + expectedSeq.get()
                                + " (entries deleted)");
                    }
                    if (!entry.prevHash().equals(prevHash.get())) {
                        add(problems, "entry " + entry.seq() + ": previous-hash link broken (entry deleted, inserted or reordered)");
                    }
                    if (!AuditChain.hash(entry).equals(entry.hash())) {
                        add(problems, "entry " + entry.seq() + ": content does not match its hash (entry altered)");
                    }
                    expectedSeq.set(entry.seq() + 1);
                    prevHash.set(entry.hash());
                });
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long headSeq = (Long) head[0];
        if (headSeq != expectedSeq.get() - 1 || !head[1].equals(prevHash.get())) {
            add(problems, "chain head points at entry " + headSeq + " but the last entry is " + (expectedSeq.get() - 1)
                    + " (entries deleted from the end, or the head was altered)");
        }
        return new Result(checked.get(), List.copyOf(problems));
    }

    private static void add(List<String> problems, String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
