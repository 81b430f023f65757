// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identifiers and labels other modules need without opening a chart: who is on a patient's care team (for routing
 * safety alerts from a background job), and the name and MRN that label a row in a list the caller already audits.
 * Nothing here checks the caller's access: callers are jobs or pages that check it themselves.
 */
@Service
@Transactional(readOnly = true)
public class PatientDirectory {

    /** The care team as identifiers; either may be missing. */
    public record CareTeam(@Nullable UUID therapistId, @Nullable UUID prescriberId) {
        public boolean isEmpty() {
            return therapistId == null && prescriberId == null;
        }
    }

    /** Where to send a patient a link, for a background job; {@code voided} records get nothing. */
    public record Contact(@Nullable String email, boolean voided) {}

    public Optional<Contact> contact(PatientId id) {
        return jdbc.sql("SELECT email, voided_at FROM patient WHERE id = :id").param("id", id.value())
                .query((rs, n) -> new Contact(rs.getString(1), rs.getObject(2) != null)).optional();
    }

    /** "Family, Given" and the MRN for a list row, with the care team for sorting out whose the row is. */
    public record Label(String name, String mrn, CareTeam careTeam) {}

    private final JdbcClient jdbc;

    PatientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CareTeam> careTeam(PatientId id) {
        return jdbc.sql("SELECT therapist_id, prescriber_id FROM patient WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> new CareTeam(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** The patient linked to a portal account, if any. */
    public Optional<PatientId> byAccount(UUID accountId) {
        return jdbc.sql("SELECT id FROM patient WHERE account_id = :a").param("a", accountId)
                .query(UUID.class).optional().map(PatientId::new);
    }

    /** The record with this MRN (exact, case-insensitive), for the emergency-access form (ADR 027). */
    public Optional<PatientId> byMrn(String mrn) {
        return jdbc.sql("SELECT id FROM patient WHERE mrn = :m").param("m", mrn.trim().toUpperCase(java.util.Locale.ROOT))
                .query(UUID.class).optional().map(PatientId::new);
    }

    public Map<UUID, Label> labels(Collection<UUID> ids) {
        var labels = new HashMap<UUID, Label>();
        if (ids.isEmpty()) {
            return labels;
        }
        jdbc.sql("""
                SELECT id, legal_family_name, legal_given_name, preferred_name, mrn, therapist_id, prescriber_id
                FROM patient WHERE id IN (:ids)""")
                .param("ids", ids)
                .query(rs -> {
                    var preferred = rs.getString(4);
                    var name = rs.getString(2) + ", " + rs.getString(3) + (preferred == null ? "" : " (" + preferred + ")");
                    labels.put(rs.getObject(1, UUID.class), new Label(name, rs.getString(5),
                            new CareTeam(rs.getObject(6, UUID.class), rs.getObject(7, UUID.class))));
                });
        return labels;
    }
}
