// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Invitation;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patients module's entry point. Every read and change checks the caller's role and access scope and leaves an
 * audit entry in the same transaction (the events it publishes are {@code AuditedEvent}s).
 */
@Service
@Transactional
public class Patients {

    static final String STAFF = "hasAnyRole('INTAKE_COORDINATOR', 'THERAPIST', 'NURSE', 'PRESCRIBER')";
    public static final int PAGE_SIZE = 25;

    private final PatientRepository patients;
    private final PatientSearch search;
    private final PatientRevisions revisions;
    private final PatientAccess access;
    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Patients(PatientRepository patients, PatientSearch search, PatientRevisions revisions, PatientAccess access,
            UserAccounts accounts, CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.patients = patients;
        this.search = search;
        this.revisions = revisions;
        this.access = access;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a new patient with a generated MRN. */
    @PreAuthorize(STAFF)
    public PatientId register(PatientDetails details) {
        var mrn = Mrn.fromSequence(patients.nextMrnSequence());
        var patient = Patient.register(details, mrn, currentUser.name(), clock.instant());
        patients.save(patient);
        revisions.append(patient.id(), "REGISTERED", PatientRevisions.diff(null, patient.details()), null,
                currentUser.name(), clock.instant());
        events.publishEvent(new PatientRegistered(patient.id(), clock.instant()));
        return patient.id();
    }

    /**
     * Corrects demographics. {@code expectedVersion} is the version the editor opened; if someone saved in between,
     * refuses with {@link PatientChangedConcurrently} so nothing is silently overwritten.
     */
    @PreAuthorize(STAFF)
    public void correct(PatientId id, PatientDetails details, long expectedVersion) {
        var patient = loadReadable(id);
        if (patient.version() != expectedVersion) {
            throw new PatientChangedConcurrently();
        }
        var before = patient.details();
        patient.correct(details, currentUser.name(), clock.instant());
        var changes = PatientRevisions.diff(before, patient.details());
        if (changes.isEmpty()) {
            return;
        }
        save(patient);
        revisions.append(id, "CORRECTED", changes, null, currentUser.name(), clock.instant());
        events.publishEvent(new PatientDetailsCorrected(id, clock.instant()));
    }

    @PreAuthorize("hasAnyRole('INTAKE_COORDINATOR', 'THERAPIST', 'PRESCRIBER')")
    public void assignCareTeam(PatientId id, @Nullable UUID therapist, @Nullable UUID prescriber) {
        var patient = loadReadable(id);
        if (!access.inOrdinaryScope(currentUser.get(), patient)) {
            // Break-glass (ADR 027) opens a record to read and treat, never to join its care team for good.
            audit.recordIndependently(new AuditRecord("PATIENT_ACCESS_DENIED", AuditRecord.Outcome.DENIED,
                    id.value(), "Patient", id.toString(), "care team under emergency access"));
            throw new AccessDeniedException("Emergency access does not change the care team");
        }
        requireRole(therapist, Role.THERAPIST, "therapistId");
        requireRole(prescriber, Role.PRESCRIBER, "prescriberId");
        if (Objects.equals(therapist, patient.therapistId()) && Objects.equals(prescriber, patient.prescriberId())) {
            return;
        }
        var names = accounts.displayNames(nonNull(patient.therapistId(), patient.prescriberId(), therapist, prescriber));
        var changes = new ArrayList<PatientRevision.Change>();
        if (!Objects.equals(therapist, patient.therapistId())) {
            changes.add(new PatientRevision.Change("therapist", names.get(patient.therapistId()), names.get(therapist)));
        }
        if (!Objects.equals(prescriber, patient.prescriberId())) {
            changes.add(new PatientRevision.Change("prescriber", names.get(patient.prescriberId()), names.get(prescriber)));
        }
        patient.assignCareTeam(therapist, prescriber, currentUser.name(), clock.instant());
        save(patient);
        revisions.append(id, "CARE_TEAM", changes, null, currentUser.name(), clock.instant());
        events.publishEvent(new PatientCareTeamAssigned(id, clock.instant()));
    }

    /** Voids a record (a duplicate, a record made in error). Nothing is deleted; the reason is kept and shown. */
    @PreAuthorize("hasAnyRole('INTAKE_COORDINATOR', 'PRESCRIBER')")
    public void voidRecord(PatientId id, String reason) {
        var patient = loadReadable(id);
        patient.voidRecord(reason, currentUser.name(), clock.instant());
        save(patient);
        revisions.append(id, "VOIDED", List.of(), reason.trim(), currentUser.name(), clock.instant());
        events.publishEvent(new PatientVoided(id, clock.instant()));
    }

    /** Creates the patient's portal account and emails them a set-password link. */
    @PreAuthorize(STAFF)
    public Invitation invitePortalAccount(PatientId id) {
        var patient = loadReadable(id);
        var details = patient.details();
        if (details.email() == null) {
            throw new IllegalArgumentException("Add the patient's email address to the record first.");
        }
        if (patient.accountId() != null) {
            throw new IllegalStateException("This patient already has a portal account.");
        }
        var name = details.preferredName() != null ? details.preferredName() : details.legalGivenName();
        var invitation = accounts.invitePatient(details.email(), name + " " + details.legalFamilyName(), id.value());
        patient.linkAccount(invitation.userId().value(), currentUser.name(), clock.instant());
        save(patient);
        revisions.append(id, "PORTAL_INVITED", List.of(), null, currentUser.name(), clock.instant());
        events.publishEvent(new PatientPortalInvited(id, clock.instant()));
        return invitation;
    }

    /** Opens a record. A patient may open only their own; a refusal is audited too. */
    @PreAuthorize(STAFF + " or hasRole('PATIENT')")
    public PatientView get(PatientId id) {
        var patient = loadReadable(id);
        audit.record(AuditRecord.patient("PATIENT_VIEWED", id.value()));
        return view(patient);
    }

    /** The signed-in patient's own record. */
    @PreAuthorize("hasRole('PATIENT')")
    public PatientView ownRecord() {
        var user = currentUser.get();
        var patient = patients.findByAccountId(user.id().value())
                .orElseThrow(() -> new AccessDeniedException("No patient record is linked to this account."));
        audit.record(AuditRecord.patient("PATIENT_VIEWED", patient.id().value()).withDetails("portal"));
        return view(patient);
    }

    /**
     * Opens a record for another module's work on it (measures, safety), checking the caller's access like
     * {@link #get}. Not audited here: the caller audits what it reads or changes, in its own words.
     */
    @PreAuthorize(STAFF + " or hasRole('PATIENT')")
    @Transactional(readOnly = true)
    public PatientView forCare(PatientId id) {
        return view(loadReadable(id));
    }

    /**
     * Whether the caller opens this record without an emergency grant (break-glass, ADR 027). Throws
     * {@link PatientNotFound} for an unknown record. Not audited: it reveals nothing of the record.
     */
    @PreAuthorize(STAFF + " or hasRole('PATIENT')")
    @Transactional(readOnly = true)
    public boolean inOrdinaryScope(PatientId id) {
        var patient = patients.findById(id.value()).orElseThrow(() -> new PatientNotFound(id));
        return access.inOrdinaryScope(currentUser.get(), patient);
    }

    @PreAuthorize(STAFF)
    public List<PatientRevision> history(PatientId id) {
        loadReadable(id);
        audit.record(AuditRecord.patient("PATIENT_HISTORY_VIEWED", id.value()));
        return revisions.history(id);
    }

    /** Searches by name, date of birth or MRN within the caller's access scope. */
    @PreAuthorize(STAFF)
    public PatientPage search(@Nullable String query, boolean includeVoided, int page) {
        var terms = SearchTerms.parse(query);
        var result = search.search(terms, access.scopeFor(currentUser.get()), includeVoided, page, PAGE_SIZE);
        audit.record(AuditRecord.success("PATIENT_SEARCHED")
                .withDetails("kind=" + terms.kind() + " results=" + result.total()));
        return result;
    }

    /** True when the query could not be read as a name, date or MRN (shown as a hint next to the search box). */
    public static boolean isUnreadable(@Nullable String query) {
        return SearchTerms.parse(query).kind() == SearchTerms.Kind.UNREADABLE;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean careTeamOnly() {
        return access.careTeamOnly();
    }

    private Patient loadReadable(PatientId id) {
        var patient = patients.findById(id.value()).orElseThrow(() -> new PatientNotFound(id));
        ClinicUser user = currentUser.get();
        if (!access.canRead(user, patient)) {
            audit.recordIndependently(new AuditRecord("PATIENT_ACCESS_DENIED", AuditRecord.Outcome.DENIED,
                    id.value(), "Patient", id.toString(), null));
            throw new AccessDeniedException("Not your patient");
        }
        return patient;
    }

    private void save(Patient patient) {
        try {
            patients.save(patient);
        } catch (OptimisticLockingFailureException e) {
            throw new PatientChangedConcurrently();
        }
    }

    private void requireRole(@Nullable UUID user, Role role, String field) {
        if (user != null && accounts.withRole(role).stream().noneMatch(a -> a.id().value().equals(user))) {
            throw new IllegalArgumentException(field + ": choose an active " + role.label().toLowerCase() + ".");
        }
    }

    private PatientView view(Patient p) {
        var names = accounts.displayNames(nonNull(p.therapistId(), p.prescriberId()));
        return new PatientView(p.id(), p.mrn(), p.details(), p.therapistId(), names.get(p.therapistId()),
                p.prescriberId(), names.get(p.prescriberId()), p.accountId() != null, p.isVoided(), p.voidReason(),
                p.voidedAt(), p.voidedBy(), p.createdAt(), p.createdBy(), p.updatedAt(), p.updatedBy(), p.version());
    }

    private static List<UUID> nonNull(@Nullable UUID... ids) {
        var list = new ArrayList<UUID>();
        for (var id : ids) {
            if (id != null && !list.contains(id)) {
                list.add(id);
            }
        }
        return list;
    }
}
