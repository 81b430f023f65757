// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.security.AccountSummary;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who supervises whom clinically: a nullable supervisor on the staff profile, set by an admin. Therapy notes use it
 * to let a supervisor read the psychotherapy notes of the clinicians they supervise. A supervisor is a therapist or
 * prescriber, and never the clinician themselves.
 */
@Service
@Transactional
public class ClinicalSupervision {

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    ClinicalSupervision(JdbcClient jdbc, UserAccounts accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The clinician's supervisor, if one is set. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<UserId> supervisorOf(UserId clinician) {
        return jdbc.sql("SELECT supervisor_id FROM staff_profile WHERE user_id = :id AND supervisor_id IS NOT NULL")
                .param("id", clinician.value()).query(UUID.class).optional().map(UserId::new);
    }

    /** The clinicians this person supervises (empty for most). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<UUID> supervisees(UserId supervisor) {
        return Set.copyOf(jdbc.sql("SELECT user_id FROM staff_profile WHERE supervisor_id = :id")
                .param("id", supervisor.value()).query(UUID.class).list());
    }

    /** Enabled therapists and prescribers, by name: who may be chosen as a supervisor. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AccountSummary> choices() {
        return Stream.concat(accounts.withRole(Role.THERAPIST).stream(), accounts.withRole(Role.PRESCRIBER).stream())
                .collect(Collectors.toMap(a -> a.id().value(), a -> a, (a, b) -> a)).values().stream()
                .sorted(Comparator.comparing(AccountSummary::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * Sets or clears ({@code supervisor} null) a clinician's supervisor. Refuses a supervisor who is not a therapist or
     * prescriber, and the clinician themselves ("supervisor: ..."). Creates a blank profile row when there is none.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void setSupervisor(UserId clinician, @Nullable UserId supervisor) {
        if (accounts.displayNames(List.of(clinician.value())).isEmpty()) {
            throw new StaffNotFound();
        }
        if (supervisor != null) {
            if (supervisor.equals(clinician)) {
                throw new IllegalArgumentException("supervisor: a clinician cannot supervise themselves.");
            }
            boolean clinicianRole = choices().stream().anyMatch(a -> a.id().equals(supervisor));
            if (!clinicianRole) {
                throw new IllegalArgumentException("supervisor: choose an active therapist or prescriber.");
            }
        }
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE staff_profile SET supervisor_id = :s, updated_at = :now WHERE user_id = :id")
                .param("s", supervisor == null ? null : supervisor.value()).param("now", now)
                .param("id", clinician.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO staff_profile (user_id, credentials, specialties, modalities, languages, licensed_states,
                        accepting_new, updated_at, supervisor_id)
                    VALUES (:id, '', '', '', '', '', FALSE, :now, :s)""")
                    .param("s", supervisor == null ? null : supervisor.value()).param("now", now)
                    .param("id", clinician.value()).update();
        }
        audit.record(AuditRecord.success("STAFF_SUPERVISOR_SET").about("StaffProfile", clinician.value().toString())
                .withDetails(supervisor == null ? "cleared" : "supervisor " + supervisor.value()));
    }

    /** The demo clinic's supervision link (no sign-in while it is generated). */
    void setDemoSupervisor(UserId clinician, UserId supervisor) {
        jdbc.sql("UPDATE staff_profile SET supervisor_id = :s WHERE user_id = :id").param("s", supervisor.value())
                .param("id", clinician.value()).update();
    }
}
