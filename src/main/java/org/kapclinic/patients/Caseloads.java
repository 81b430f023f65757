// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many active (not voided) patients each therapist has on their care teams: matching's current caseload. */
@Service
public class Caseloads {

    private final JdbcClient jdbc;

    Caseloads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts only, no patient data: nothing to audit. */
    @PreAuthorize(Patients.STAFF)
    @Transactional(readOnly = true)
    public Map<UUID, Integer> byTherapist() {
        var counts = new HashMap<UUID, Integer>();
        jdbc.sql("""
                SELECT therapist_id, COUNT(*) FROM patient
                WHERE voided_at IS NULL AND therapist_id IS NOT NULL GROUP BY therapist_id""")
                .query(rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return counts;
    }
}
