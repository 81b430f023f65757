// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Maps audit_entry rows; shared by the report and the verifier. */
final class AuditEntryRows {

    static final String COLUMNS = "seq, id, occurred_at, username, roles, action, outcome, patient_id, entity_type, "
            + "entity_id, client_ip, details, prev_hash, hash";

    private AuditEntryRows() {}

    static AuditEntry map(ResultSet rs, int rowNum) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getObject("id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("username"),
                rs.getString("roles"),
                rs.getString("action"),
                rs.getString("outcome"),
                rs.getObject("patient_id", UUID.class),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("client_ip"),
                rs.getString("details"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
