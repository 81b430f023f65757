// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stanley-Brown safety plans, written by a clinician with the patient and versioned: every save is a new version,
 * the earlier ones stay readable. The patient reads the latest in the portal; both can print it.
 */
@Service
@Transactional
public class SafetyPlans {

    private final JdbcClient jdbc;
    private final Patients patients;
    private final PatientDirectory directory;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    SafetyPlans(JdbcClient jdbc, Patients patients, PatientDirectory directory, CurrentUser currentUser, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.directory = directory;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Saves a new version. Refuses an empty plan and any step over {@link SafetyPlan.Steps#MAX} characters, naming
     * the step ("warningSigns: ...").
     */
    @PreAuthorize(SafetyAlerts.CLINICIANS)
    public SafetyPlan save(PatientId patient, SafetyPlan.Steps steps) {
        var view = patients.forCare(patient);
        if (view.voided()) {
            throw new IllegalStateException("This record is voided.");
        }
        var clean = steps.trimmed();
        if (clean.empty()) {
            throw new IllegalArgumentException("warningSigns: Write at least one step with the patient.");
        }
        check("warningSigns", clean.warningSigns());
        check("copingStrategies", clean.copingStrategies());
        check("distractions", clean.distractions());
        check("peopleToAsk", clean.peopleToAsk());
        check("professionals", clean.professionals());
        check("safeEnvironment", clean.safeEnvironment());
        check("reasonsForLiving", clean.reasonsForLiving());
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM safety_plan WHERE patient_id = :p")
                .param("p", patient.value()).query(Integer.class).single();
        var plan = new SafetyPlan(UUID.randomUUID(), patient.value(), version, clean, clock.instant(), currentUser.name());
        jdbc.sql("""
                INSERT INTO safety_plan (id, patient_id, version, warning_signs, coping_strategies, distractions,
                    people_to_ask, professionals, safe_environment, reasons_for_living, created_at, created_by)
                VALUES (:id, :p, :v, :w, :c, :d, :people, :pro, :env, :reasons, :at, :by)""")
                .param("id", plan.id()).param("p", patient.value()).param("v", version)
                .param("w", clean.warningSigns()).param("c", clean.copingStrategies()).param("d", clean.distractions())
                .param("people", clean.peopleToAsk()).param("pro", clean.professionals())
                .param("env", clean.safeEnvironment()).param("reasons", clean.reasonsForLiving())
                .param("at", OffsetDateTime.ofInstant(plan.createdAt(), ZoneOffset.UTC)).param("by", plan.createdBy())
                .update(); // a concurrent save of the same version fails on safety_plan_version_ux: nothing is lost
        audit.record(new AuditRecord("SAFETY_PLAN_SAVED", AuditRecord.Outcome.SUCCESS, patient.value(), "SafetyPlan",
                plan.id().toString(), "version " + version));
        return plan;
    }

    /** Every version, newest first. */
    @PreAuthorize(SafetyAlerts.CLINICIANS)
    public List<SafetyPlan> versions(PatientId patient) {
        patients.forCare(patient);
        audit.record(AuditRecord.patient("SAFETY_PLAN_VIEWED", patient.value()).withDetails("all versions"));
        return jdbc.sql("SELECT * FROM safety_plan WHERE patient_id = :p ORDER BY version DESC")
                .param("p", patient.value()).query(this::map).list();
    }

    /** The latest version for staff, if any; {@code purpose} is "viewed" or "printed" in the audit entry. */
    @PreAuthorize(SafetyAlerts.CLINICIANS)
    public Optional<SafetyPlan> latest(PatientId patient, String purpose) {
        patients.forCare(patient);
        return latestAudited(patient, purpose);
    }

    /** The signed-in patient's own latest plan. */
    @PreAuthorize("hasRole('PATIENT')")
    public Optional<SafetyPlan> own(String purpose) {
        var patient = directory.byAccount(currentUser.get().id().value())
                .orElseThrow(() -> new AccessDeniedException("No patient record is linked to this account."));
        return latestAudited(patient, "portal " + purpose);
    }

    private Optional<SafetyPlan> latestAudited(PatientId patient, String purpose) {
        var plan = jdbc.sql("SELECT * FROM safety_plan WHERE patient_id = :p ORDER BY version DESC LIMIT 1")
                .param("p", patient.value()).query(this::map).optional();
        audit.record(AuditRecord.patient(purpose.endsWith("printed") ? "SAFETY_PLAN_PRINTED" : "SAFETY_PLAN_VIEWED",
                patient.value()).withDetails(purpose + plan.map(p -> " version " + p.version()).orElse(" none")));
        return plan;
    }

    private static void check(String field, String text) {
        if (text.length() > SafetyPlan.Steps.MAX) {
            throw new IllegalArgumentException(field + ": use at most " + SafetyPlan.Steps.MAX + " characters.");
        }
    }

    private SafetyPlan map(ResultSet rs, int n) throws SQLException {
        return new SafetyPlan(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class), rs.getInt("version"),
                new SafetyPlan.Steps(rs.getString("warning_signs"), rs.getString("coping_strategies"),
                        rs.getString("distractions"), rs.getString("people_to_ask"), rs.getString("professionals"),
                        rs.getString("safe_environment"), rs.getString("reasons_for_living")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
    }
}
