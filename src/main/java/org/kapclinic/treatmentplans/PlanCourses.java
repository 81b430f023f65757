// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.eligibility.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Approved and ended treatment plans as the outcomes dashboard counts them (issue 8): modality, protocol and how the
 * plan ended. Drafts and discarded plans never treated anyone and are left out. One query; the end note (free text)
 * is not read. The caller audits the view that uses it.
 */
@Component
public class PlanCourses {

    /** One plan: {@code endDecision} is null while the plan runs. */
    public record Course(UUID plan, UUID patient, Modality modality, String protocol, String protocolName,
            LocalDate startDate, TreatmentPlan.Status status, TreatmentPlan.@Nullable EndDecision endDecision,
            @Nullable Instant endedAt) {}

    private final JdbcClient jdbc;

    PlanCourses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Plans of the modality and protocol (either may be null for all). */
    public List<Course> courses(@Nullable Modality modality, @Nullable String protocol) {
        return jdbc.sql("""
                SELECT id, patient_id, modality, template_code, template_name, start_date, status, end_decision, ended_at
                FROM treatment_plan WHERE status IN ('APPROVED', 'ENDED')
                AND (CAST(:modality AS VARCHAR(30)) IS NULL OR modality = :modality)
                AND (CAST(:protocol AS VARCHAR(60)) IS NULL OR template_code = :protocol)""")
                .param("modality", modality == null ? null : modality.name())
                .param("protocol", protocol)
                .query((rs, n) -> {
                    var end = rs.getString("end_decision");
                    var ended = rs.getObject("ended_at", OffsetDateTime.class);
                    return new Course(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                            Modality.valueOf(rs.getString("modality")), rs.getString("template_code"),
                            rs.getString("template_name"), rs.getObject("start_date", LocalDate.class),
                            TreatmentPlan.Status.valueOf(rs.getString("status")),
                            end == null ? null : TreatmentPlan.EndDecision.valueOf(end),
                            ended == null ? null : ended.toInstant());
                })
                .list();
    }
}
