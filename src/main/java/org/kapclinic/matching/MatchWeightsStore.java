// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The weights in force: an admin's, if saved on /admin/matching, else {@link MatchWeights#defaults()}. */
@Service
@Transactional
public class MatchWeightsStore {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    MatchWeightsStore(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MatchWeights current() {
        return jdbc.sql("SELECT specialty, preferences, insurance, language, availability, caseload FROM match_weights WHERE id = 1")
                .query((rs, n) -> new MatchWeights(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6)))
                .optional().orElseGet(MatchWeights::defaults);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void save(MatchWeights w) {
        var params = new java.util.HashMap<String, Object>();
        params.put("s", w.specialty());
        params.put("p", w.preferences());
        params.put("i", w.insurance());
        params.put("l", w.language());
        params.put("a", w.availability());
        params.put("c", w.caseload());
        params.put("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        params.put("by", currentUser.name());
        int updated = jdbc.sql("""
                UPDATE match_weights SET specialty = :s, preferences = :p, insurance = :i, language = :l,
                    availability = :a, caseload = :c, updated_at = :now, updated_by = :by WHERE id = 1""")
                .params(params).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO match_weights (id, specialty, preferences, insurance, language, availability, caseload,
                        updated_at, updated_by) VALUES (1, :s, :p, :i, :l, :a, :c, :now, :by)""").params(params).update();
        }
        audit.record(AuditRecord.success("MATCH_WEIGHTS_CHANGED").about("MatchWeights", "1").withDetails(w.toString()));
    }
}
