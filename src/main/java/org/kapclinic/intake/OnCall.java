// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who receives urgent inquiries at once when the clinic is closed; set by admins on /admin/intake. */
@Service
@Transactional
public class OnCall {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    OnCall(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<UUID> clinician() {
        return jdbc.sql("SELECT on_call_clinician FROM intake_setting WHERE id = 1").query(UUID.class).optional();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void set(@Nullable UUID clinician) {
        var now = InquiryRepository.utc(clock.instant());
        int updated = jdbc.sql("UPDATE intake_setting SET on_call_clinician = :c, updated_at = :now, updated_by = :by WHERE id = 1")
                .param("c", clinician).param("now", now).param("by", currentUser.name()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO intake_setting (id, on_call_clinician, updated_at, updated_by) VALUES (1, :c, :now, :by)")
                    .param("c", clinician).param("now", now).param("by", currentUser.name()).update();
        }
        audit.record(AuditRecord.success("ON_CALL_CHANGED").about("UserAccount", String.valueOf(clinician)));
    }
}
