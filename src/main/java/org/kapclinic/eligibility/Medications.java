// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Current medications (each tagged with its drug classes) and allergies, and their reconciliations. Prescribers and
 * nurses keep the lists, since nurses reconcile them at every dosing-day gate; therapists read them.
 */
@Service
@Transactional
public class Medications {

    static final String KEEPERS = "hasAnyRole('NURSE', 'PRESCRIBER')";

    public record Lists(List<Medication> medications, List<Allergy> allergies, Optional<Reconciliation> lastReconciliation) {

        public List<Medication> active() {
            return medications.stream().filter(Medication::active).toList();
        }

        public List<Allergy> activeAllergies() {
            return allergies.stream().filter(Allergy::active).toList();
        }

        public Set<DrugClass> activeClasses() {
            var set = EnumSet.noneOf(DrugClass.class);
            active().forEach(m -> set.addAll(m.classes()));
            return set;
        }
    }

    private final JdbcClient jdbc;
    private final Patients patients;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    Medications(JdbcClient jdbc, Patients patients, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(DoseFloors.CLINICIANS)
    @Transactional // not read-only: the read is audited
    public Lists lists(PatientId patient) {
        patients.forCare(patient);
        audit.record(AuditRecord.patient("MEDICATIONS_VIEWED", patient.value()));
        return read(patient);
    }

    Lists read(PatientId patient) {
        var meds = jdbc.sql("SELECT * FROM medication WHERE patient_id = :p ORDER BY stopped_at NULLS FIRST, added_at")
                .param("p", patient.value()).query(Medications::medication).list();
        var allergies = jdbc.sql("SELECT * FROM allergy WHERE patient_id = :p ORDER BY removed_at NULLS FIRST, added_at")
                .param("p", patient.value()).query(Medications::allergy).list();
        var last = jdbc.sql("SELECT * FROM medication_reconciliation WHERE patient_id = :p"
                        + " ORDER BY reconciled_at DESC LIMIT 1")
                .param("p", patient.value()).query(Medications::reconciliation).optional();
        return new Lists(meds, allergies, last);
    }

    /**
     * Adds a medication. Its classes are those detected from the name plus any the caller ticks; "other" only when
     * nothing else applies.
     */
    @PreAuthorize(KEEPERS)
    public Medication add(PatientId patient, String name, String dose, Collection<DrugClass> extraClasses) {
        writable(patient);
        var n = text("name", name, 120, "Name the medication.");
        var d = dose == null ? "" : dose.strip();
        if (d.length() > 120) {
            throw new IllegalArgumentException("dose: use at most 120 characters.");
        }
        var classes = EnumSet.noneOf(DrugClass.class);
        classes.addAll(MedicationClasses.detect(n));
        classes.addAll(extraClasses);
        if (classes.size() > 1) {
            classes.remove(DrugClass.OTHER);
        }
        var id = UUID.randomUUID();
        var now = now();
        jdbc.sql("""
                INSERT INTO medication (id, patient_id, name, dose, classes, added_at, added_by)
                VALUES (:id, :p, :n, :d, :c, :at, :by)""")
                .param("id", id).param("p", patient.value()).param("n", n).param("d", d)
                .param("c", classes.stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("at", utc(now)).param("by", currentUser.name()).update();
        audit.record(new AuditRecord("MEDICATION_ADDED", AuditRecord.Outcome.SUCCESS, patient.value(), "Medication",
                id.toString(), n + " [" + classes + "]"));
        return new Medication(id, n, d, classes, now, currentUser.name(), null, null, null);
    }

    @PreAuthorize(KEEPERS)
    public void stop(PatientId patient, UUID medication, String reason) {
        writable(patient);
        var r = text("reason", reason, 500, "Say why it was stopped (or entered in error).");
        int n = jdbc.sql("UPDATE medication SET stopped_at = :at, stopped_by = :by, stop_reason = :r"
                        + " WHERE id = :id AND patient_id = :p AND stopped_at IS NULL")
                .param("at", utc(now())).param("by", currentUser.name()).param("r", r)
                .param("id", medication).param("p", patient.value()).update();
        if (n == 0) {
            throw new IllegalArgumentException("reason: that medication is not on the current list.");
        }
        audit.record(new AuditRecord("MEDICATION_STOPPED", AuditRecord.Outcome.SUCCESS, patient.value(), "Medication",
                medication.toString(), r));
    }

    @PreAuthorize(KEEPERS)
    public Allergy addAllergy(PatientId patient, String substance, String reaction) {
        writable(patient);
        var s = text("substance", substance, 120, "Name the substance.");
        var r = reaction == null ? "" : reaction.strip();
        if (r.length() > 200) {
            throw new IllegalArgumentException("reaction: use at most 200 characters.");
        }
        var id = UUID.randomUUID();
        var now = now();
        jdbc.sql("INSERT INTO allergy (id, patient_id, substance, reaction, added_at, added_by)"
                        + " VALUES (:id, :p, :s, :r, :at, :by)")
                .param("id", id).param("p", patient.value()).param("s", s).param("r", r).param("at", utc(now))
                .param("by", currentUser.name()).update();
        audit.record(new AuditRecord("ALLERGY_ADDED", AuditRecord.Outcome.SUCCESS, patient.value(), "Allergy",
                id.toString(), s));
        return new Allergy(id, s, r, now, currentUser.name(), null, null, null);
    }

    @PreAuthorize(KEEPERS)
    public void removeAllergy(PatientId patient, UUID allergy, String reason) {
        writable(patient);
        var r = text("reason", reason, 500, "Say why it is removed (for example, entered in error).");
        int n = jdbc.sql("UPDATE allergy SET removed_at = :at, removed_by = :by, remove_reason = :r"
                        + " WHERE id = :id AND patient_id = :p AND removed_at IS NULL")
                .param("at", utc(now())).param("by", currentUser.name()).param("r", r)
                .param("id", allergy).param("p", patient.value()).update();
        if (n == 0) {
            throw new IllegalArgumentException("reason: that allergy is not on the current list.");
        }
        audit.record(new AuditRecord("ALLERGY_REMOVED", AuditRecord.Outcome.SUCCESS, patient.value(), "Allergy",
                allergy.toString(), r));
    }

    /**
     * Records that the signed-in clinician went through both lists with the patient, keeping a snapshot of what they
     * held. Called from the medications page at evaluation, and by the dosing-day gate.
     */
    @PreAuthorize(KEEPERS)
    public Reconciliation reconcile(PatientId patient, Reconciliation.Context context, @Nullable String note) {
        writable(patient);
        var n = note == null ? "" : note.strip();
        if (n.length() > 1000) {
            throw new IllegalArgumentException("note: use at most 1000 characters.");
        }
        var lists = read(patient);
        var meds = lists.active().stream().map(m -> m.name() + (m.dose().isEmpty() ? "" : " " + m.dose()))
                .collect(Collectors.joining("; "));
        var allergies = lists.activeAllergies().stream().map(Allergy::substance).collect(Collectors.joining("; "));
        var r = new Reconciliation(UUID.randomUUID(), context, meds.isEmpty() ? "none" : meds,
                allergies.isEmpty() ? "no known allergies" : allergies, n, now(), currentUser.name());
        jdbc.sql("""
                INSERT INTO medication_reconciliation (id, patient_id, context, medications, allergies, note,
                    reconciled_at, reconciled_by)
                VALUES (:id, :p, :c, :m, :a, :n, :at, :by)""")
                .param("id", r.id()).param("p", patient.value()).param("c", context.name())
                .param("m", truncate(r.medications())).param("a", truncate(r.allergies())).param("n", n)
                .param("at", utc(r.reconciledAt())).param("by", r.reconciledBy()).update();
        audit.record(new AuditRecord("MEDICATIONS_RECONCILED", AuditRecord.Outcome.SUCCESS, patient.value(),
                "Reconciliation", r.id().toString(), context.name()));
        return r;
    }

    /** True when the lists were reconciled at or after {@code since}. */
    boolean reconciledSince(PatientId patient, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM medication_reconciliation WHERE patient_id = :p AND reconciled_at >= :s")
                .param("p", patient.value()).param("s", utc(since)).query(Long.class).single() > 0;
    }

    private void writable(PatientId patient) {
        if (patients.forCare(patient).voided()) {
            throw new IllegalStateException("This record is voided.");
        }
    }

    private static String text(String field, @Nullable String value, int max, String missing) {
        var v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(field + ": " + missing);
        }
        if (v.length() > max) {
            throw new IllegalArgumentException(field + ": use at most " + max + " characters.");
        }
        return v;
    }

    private static String truncate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    static Medication medication(ResultSet rs, int n) throws SQLException {
        var classes = EnumSet.noneOf(DrugClass.class);
        Arrays.stream(rs.getString("classes").split(",")).filter(s -> !s.isBlank())
                .forEach(s -> classes.add(DrugClass.valueOf(s)));
        return new Medication(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("dose"), classes,
                instant(rs, "added_at"), rs.getString("added_by"), instant(rs, "stopped_at"), rs.getString("stopped_by"),
                rs.getString("stop_reason"));
    }

    static Allergy allergy(ResultSet rs, int n) throws SQLException {
        return new Allergy(rs.getObject("id", UUID.class), rs.getString("substance"), rs.getString("reaction"),
                instant(rs, "added_at"), rs.getString("added_by"), instant(rs, "removed_at"), rs.getString("removed_by"),
                rs.getString("remove_reason"));
    }

    static Reconciliation reconciliation(ResultSet rs, int n) throws SQLException {
        return new Reconciliation(rs.getObject("id", UUID.class), Reconciliation.Context.valueOf(rs.getString("context")),
                rs.getString("medications"), rs.getString("allergies"), rs.getString("note"),
                instant(rs, "reconciled_at"), rs.getString("reconciled_by"));
    }

    /** Now, to the microsecond: what both databases store, so a returned record equals the stored one. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
