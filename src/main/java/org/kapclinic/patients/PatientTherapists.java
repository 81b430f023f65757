// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every patient's therapist of record and whether the record was voided: what the outcomes dashboard filters its
 * cohort by (issue 8). One query without names or other PHI; the caller audits the view that uses it.
 */
@Component
public class PatientTherapists {

    public record Row(UUID patient, @Nullable UUID therapist, boolean voided) {}

    private final JdbcClient jdbc;

    PatientTherapists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<UUID, Row> all() {
        var rows = new HashMap<UUID, Row>();
        jdbc.sql("SELECT id, therapist_id, voided_at FROM patient").query(rs -> {
            var id = rs.getObject(1, UUID.class);
            rows.put(id, new Row(id, rs.getObject(2, UUID.class), rs.getObject(3) != null));
        });
        return rows;
    }
}
