// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Treatment plans with their items as data for exchange (the FHIR API's care plans and the bulk export), in two
 * queries for a set of patients; discarded drafts are left out. Nothing here checks access or audits; the caller does.
 */
@Service
@Transactional(readOnly = true)
public class PlanRecords {

    /** One plan; {@code items} oldest first, cancelled and moved ones included with their status. */
    public record PlanRecord(UUID id, PatientId patientId, String templateName, Modality modality,
            TreatmentPlan.Status status, LocalDate startDate, Instant createdAt, @Nullable Instant approvedAt,
            @Nullable Instant endedAt, TreatmentPlan.@Nullable EndDecision endDecision, List<ItemRecord> items) {}

    public record ItemRecord(UUID id, PlannedItem.Kind kind, String label, Instant at, @Nullable Integer doseNumber,
            @Nullable String dose, TreatmentPlan.ItemStatus status) {}

    private final JdbcClient jdbc;

    PlanRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PlanRecord> plansFor(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        var plans = new LinkedHashMap<UUID, PlanRecord>();
        jdbc.sql("""
                SELECT id, patient_id, template_name, modality, status, start_date, created_at, approved_at, ended_at,
                    end_decision
                FROM treatment_plan WHERE patient_id IN (:ids) AND status <> 'DISCARDED' ORDER BY created_at, id""")
                .param("ids", patientIds)
                .query(rs -> {
                    var end = rs.getString("end_decision");
                    plans.put(rs.getObject("id", UUID.class), new PlanRecord(rs.getObject("id", UUID.class),
                            new PatientId(rs.getObject("patient_id", UUID.class)), rs.getString("template_name"),
                            Modality.valueOf(rs.getString("modality")),
                            TreatmentPlan.Status.valueOf(rs.getString("status")),
                            rs.getObject("start_date", LocalDate.class), instant(rs, "created_at"),
                            instant(rs, "approved_at"), instant(rs, "ended_at"),
                            end == null ? null : TreatmentPlan.EndDecision.valueOf(end), new ArrayList<>()));
                });
        if (plans.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                SELECT plan_id, id, kind, label, at, dose_number, dose, status
                FROM treatment_plan_item WHERE plan_id IN (:plans) ORDER BY at, seq""")
                .param("plans", plans.keySet())
                .query(rs -> {
                    var dose = rs.getInt("dose_number");
                    plans.get(rs.getObject("plan_id", UUID.class)).items().add(new ItemRecord(
                            rs.getObject("id", UUID.class), PlannedItem.Kind.valueOf(rs.getString("kind")),
                            rs.getString("label"), instant(rs, "at"), rs.wasNull() ? null : dose, rs.getString("dose"),
                            TreatmentPlan.ItemStatus.valueOf(rs.getString("status"))));
                });
        return List.copyOf(plans.values());
    }

    /** Whose plan this is, to check access before reading it. */
    public Optional<PatientId> patientOf(UUID planId) {
        return jdbc.sql("SELECT patient_id FROM treatment_plan WHERE id = :id").param("id", planId)
                .query(UUID.class).optional().map(PatientId::new);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
