// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.intake.OnCall;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the escalation steps after the care team reach: the prescriber on duty (step 2), and the on-call clinician
 * (intake's on-call setting, /admin/intake) with the clinical lead (step 3).
 */
@Service
@Transactional
public class DutyRoster {

    public record Duty(@Nullable UUID prescriberOnDuty, @Nullable UUID clinicalLead, @Nullable UUID onCall) {}

    private final JdbcClient jdbc;
    private final OnCall onCall;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    DutyRoster(JdbcClient jdbc, OnCall onCall, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.onCall = onCall;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Duty current() {
        var row = jdbc.sql("SELECT prescriber_on_duty, clinical_lead FROM safety_duty WHERE id = 1")
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional().orElse(new UUID[2]);
        Optional<UUID> oncall = onCall.clinician();
        return new Duty(row[0], row[1], oncall.orElse(null));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'PRESCRIBER')")
    public void save(@Nullable UUID prescriberOnDuty, @Nullable UUID clinicalLead) {
        jdbc.sql("UPDATE safety_duty SET prescriber_on_duty = :p, clinical_lead = :l, updated_at = :now, updated_by = :by"
                        + " WHERE id = 1")
                .param("p", prescriberOnDuty).param("l", clinicalLead)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("by", currentUser.name())
                .update();
        audit.record(AuditRecord.success("SAFETY_DUTY_CHANGED")
                .withDetails("prescriber " + prescriberOnDuty + ", lead " + clinicalLead));
    }
}
