// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.breakglass;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.notifications.Notifications;
import org.kapclinic.patients.EmergencyAccess;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency grants (ADR 027): opening one, the scope it adds ({@link EmergencyAccess}), the banner's end time, the
 * admins' alert and report. A grant is never extended or deleted; asking again makes a new one.
 */
@Service
@Transactional
class BreakGlass implements EmergencyAccess {

    static final String CLINICIANS = "hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')";
    static final int MAX_REASON_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final Patients patients;
    private final PatientDirectory directory;
    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final BreakGlassSettings settings;
    private final Clock clock;
    private final String baseUrl;
    private final String clinicName;

    BreakGlass(JdbcClient jdbc, Patients patients, PatientDirectory directory, UserAccounts accounts,
            CurrentUser currentUser, Notifications notifications, AuditTrail audit, BreakGlassSettings settings,
            Clock clock, @Value("${kap.clinic.base-url}") String baseUrl, @Value("${kap.clinic.name}") String clinicName) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.directory = directory;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.notifications = notifications;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.clinicName = clinicName;
    }

    /** How long a grant lasts; also the role check for showing the form (clinicians only, never a patient). */
    @PreAuthorize(CLINICIANS)
    @Transactional(readOnly = true)
    public Duration duration() {
        return settings.duration();
    }

    @PreAuthorize(CLINICIANS)
    @Transactional(readOnly = true)
    public int minReasonLength() {
        return settings.minReasonLength();
    }

    /** Whether the caller opens this record anyway (then no grant is needed); unknown records are PatientNotFound. */
    @PreAuthorize(CLINICIANS)
    @Transactional(readOnly = true)
    public boolean needed(PatientId patient) {
        return !patients.inOrdinaryScope(patient);
    }

    /** The record with this MRN, for the form that finds a patient outside the caller's search scope. */
    @PreAuthorize(CLINICIANS)
    @Transactional(readOnly = true)
    public PatientId byMrn(@Nullable String mrn) {
        if (mrn == null || mrn.isBlank()) {
            throw new BreakGlassRefused("mrn", "Enter the patient's MRN, e.g. KC1000017.");
        }
        return directory.byMrn(mrn).orElseThrow(() -> new BreakGlassRefused("mrn",
                "No record has this MRN. Check the number (the last digit is a check digit)."));
    }

    /**
     * Opens the record to the caller for {@link BreakGlassSettings#duration()}: audits it, emails every admin and
     * returns the grant. Refuses a missing or short reason, and a record the caller already opens.
     */
    @PreAuthorize(CLINICIANS)
    public BreakGlassGrant open(PatientId patient, @Nullable String reason) {
        var text = reason == null ? "" : reason.strip();
        if (text.length() < settings.minReasonLength()) {
            throw new BreakGlassRefused("reason", "Give the emergency in at least " + settings.minReasonLength()
                    + " characters: it is kept with the access and shown to the clinic's admins.");
        }
        if (text.length() > MAX_REASON_LENGTH) {
            throw new BreakGlassRefused("reason", "Use at most " + MAX_REASON_LENGTH + " characters.");
        }
        if (!needed(patient)) {
            throw new BreakGlassRefused("reason", "You can already open this record; no emergency access is needed.");
        }
        var user = currentUser.get();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var grant = new BreakGlassGrant(UUID.randomUUID(), user.id().value(), user.email(), patient.value(), text,
                now, now.plus(settings.duration()), 0, null, null);
        // Audited before the grant exists, so the grant's access count counts the record's reads, not this entry.
        audit.record(new AuditRecord("BREAK_GLASS_STARTED", AuditRecord.Outcome.SUCCESS, patient.value(),
                "BreakGlassGrant", grant.id().toString(), "until=" + grant.expiresAt()));
        jdbc.sql("""
                INSERT INTO break_glass_grant (id, user_id, username, patient_id, reason, started_at, expires_at)
                VALUES (:id, :user, :username, :patient, :reason, :started, :expires)""")
                .param("id", grant.id()).param("user", grant.userId()).param("username", grant.username())
                .param("patient", grant.patientId()).param("reason", grant.reason())
                .param("started", utc(grant.startedAt())).param("expires", utc(grant.expiresAt()))
                .update();
        alertAdmins(grant, user.displayName());
        return grant;
    }

    /** {@link EmergencyAccess}: the patients this user holds an unexpired grant for, on the injected clock. */
    @Override
    @Transactional(readOnly = true)
    public Set<UUID> openedInEmergency(UUID userId) {
        var now = utc(clock.instant());
        return new HashSet<>(jdbc.sql("""
                SELECT patient_id FROM break_glass_grant
                WHERE user_id = :user AND expires_at > :now AND started_at <= :now""")
                .param("user", userId).param("now", now).query(UUID.class).list());
    }

    /** When the caller's emergency access to this record ends, if they hold any (the record's banner). */
    @Transactional(readOnly = true)
    public Optional<Instant> activeUntil(UUID patientId) {
        var user = currentUser.find();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        var now = utc(clock.instant());
        return jdbc.sql("""
                SELECT MAX(expires_at) FROM break_glass_grant
                WHERE user_id = :user AND patient_id = :patient AND expires_at > :now AND started_at <= :now""")
                .param("user", user.get().id().value()).param("patient", patientId).param("now", now)
                .query((rs, n) -> instantOrNull(rs, 1)).optional().filter(java.util.Objects::nonNull);
    }

    /** Counts one audited access under the caller's active grant for this patient; true when there is one. */
    boolean countAccess(UUID userId, UUID patientId) {
        var now = utc(clock.instant());
        return jdbc.sql("""
                UPDATE break_glass_grant SET access_count = access_count + 1
                WHERE user_id = :user AND patient_id = :patient AND expires_at > :now AND started_at <= :now""")
                .param("user", userId).param("patient", patientId).param("now", now).update() > 0;
    }

    /** One report row: the grant with the clinician's name and the record's MRN. */
    record ReportRow(BreakGlassGrant grant, String clinician, String mrn, boolean active) {}

    /** All grants started in [from, to), newest first. The report itself is audited. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<ReportRow> report(Instant from, Instant to) {
        var grants = jdbc.sql("""
                SELECT * FROM break_glass_grant WHERE started_at >= :from AND started_at < :to
                ORDER BY started_at DESC, id""")
                .param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> grant(rs)).list();
        var names = accounts.displayNames(grants.stream().map(BreakGlassGrant::userId).distinct().toList());
        var labels = directory.labels(grants.stream().map(BreakGlassGrant::patientId).distinct().toList());
        var now = clock.instant();
        audit.record(new AuditRecord("BREAK_GLASS_REPORT_VIEWED", AuditRecord.Outcome.SUCCESS, null, null, null,
                "from=" + from + " to=" + to + " rows=" + grants.size()));
        return grants.stream().map(g -> new ReportRow(g, names.getOrDefault(g.userId(), g.username()),
                labels.containsKey(g.patientId()) ? labels.get(g.patientId()).mrn() : "?", g.activeAt(now))).toList();
    }

    /** Grants no admin has reviewed yet (the admin pages' banner). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int unreviewed() {
        return jdbc.sql("SELECT COUNT(*) FROM break_glass_grant WHERE reviewed_at IS NULL").query(Integer.class).single();
    }

    /** An admin has looked at this use; it leaves the banner (and stays in the report). */
    @PreAuthorize("hasRole('ADMIN')")
    public void review(UUID grantId) {
        var updated = jdbc.sql("""
                UPDATE break_glass_grant SET reviewed_at = :at, reviewed_by = :by WHERE id = :id AND reviewed_at IS NULL""")
                .param("at", utc(clock.instant())).param("by", currentUser.name()).param("id", grantId).update();
        if (updated > 0) {
            audit.record(new AuditRecord("BREAK_GLASS_REVIEWED", AuditRecord.Outcome.SUCCESS, null, "BreakGlassGrant",
                    grantId.toString(), null));
        }
    }

    private void alertAdmins(BreakGlassGrant grant, String clinician) {
        var mrn = directory.labels(List.of(grant.patientId())).get(grant.patientId()).mrn();
        var body = "Emergency (break-glass) access was opened at " + clinicName + ".\n\n"
                + "Clinician: " + clinician + " <" + grant.username() + ">\n"
                + "Record: MRN " + mrn + "\n"
                + "From: " + grant.startedAt() + "\nUntil: " + grant.expiresAt() + "\n\n"
                + "The reason given and every access are in the report:\n" + baseUrl + "/admin/break-glass\n";
        for (var admin : accounts.notificationAddresses(Set.of(Role.ADMIN))) {
            notifications.queueEmail(admin, "Break-glass access opened: MRN " + mrn, body);
        }
    }

    private static BreakGlassGrant grant(ResultSet rs) throws SQLException {
        return new BreakGlassGrant(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("username"), rs.getObject("patient_id", UUID.class), rs.getString("reason"),
                instantOrNull(rs, "started_at"), instantOrNull(rs, "expires_at"), rs.getInt("access_count"),
                instantOrNull(rs, "reviewed_at"), rs.getString("reviewed_by"));
    }

    @SuppressWarnings("NullAway")
    private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @SuppressWarnings("NullAway")
    private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
