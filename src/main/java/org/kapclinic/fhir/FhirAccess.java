// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.PatientNotFound;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The UI's authorization, applied to FHIR (ADR 023). Roles per type: a patient's demographics (Patient) for intake
 * coordinators and clinicians; clinical types for clinicians; a patient reads every type about themselves;
 * Practitioner for staff; Questionnaire for everyone signed in; bulk export for admins. Which patients a staff member
 * may open is {@link Patients#forCare}'s answer (care-team-only access included), so FHIR cannot drift from the pages.
 * Refusals are audited; every answer is audited by the caller through {@link #audit}.
 */
@Component
class FhirAccess {

    private static final Set<Role> DEMOGRAPHICS = EnumSet.of(Role.INTAKE_COORDINATOR, Role.THERAPIST, Role.NURSE,
            Role.PRESCRIBER, Role.PATIENT);
    private static final Set<Role> CLINICAL = EnumSet.of(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER, Role.PATIENT);
    private static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.INTAKE_COORDINATOR, Role.THERAPIST, Role.NURSE,
            Role.PRESCRIBER);

    private final CurrentUser currentUser;
    private final Patients patients;
    private final PatientDirectory directory;
    private final AuditTrail audit;
    private final UserAccounts accounts;

    FhirAccess(CurrentUser currentUser, Patients patients, PatientDirectory directory, AuditTrail audit,
            UserAccounts accounts) {
        this.currentUser = currentUser;
        this.patients = patients;
        this.directory = directory;
        this.audit = audit;
        this.accounts = accounts;
    }

    ClinicUser user() {
        return currentUser.find().orElseThrow(() -> new AuthenticationException("Sign in, or send an API token."));
    }

    boolean isPatient() {
        return user().hasRole(Role.PATIENT);
    }

    /** Refuses (403, audited) unless the caller's roles may read this type at all. */
    void requireType(ResourceType type) {
        var allowed = switch (type) {
            case Patient -> DEMOGRAPHICS;
            case Practitioner -> STAFF;
            case Questionnaire -> EnumSet.allOf(Role.class);
            default -> CLINICAL;
        };
        if (user().roles().stream().noneMatch(allowed::contains)) {
            deny("FHIR " + type.name());
        }
    }

    void requireAdmin(String what) {
        if (!user().hasRole(Role.ADMIN)) {
            deny("FHIR " + what);
        }
    }

    /** The signed-in patient's own record (403 when the account is linked to none). */
    PatientId ownRecord() {
        return directory.byAccount(user().id().value())
                .orElseThrow(() -> new ForbiddenOperationException("No patient record is linked to this account."));
    }

    /**
     * Opens a record the way the pages do: unknown is 404 ({@code unknownIsBadRequest}: 400, for a search parameter),
     * outside the caller's access 403 (Patients audits that refusal).
     */
    void open(PatientId id, boolean unknownIsBadRequest) {
        try {
            patients.forCare(id);
        } catch (PatientNotFound e) {
            if (unknownIsBadRequest) {
                throw new InvalidRequestException("No patient with the id " + id + ".");
            }
            throw new ResourceNotFoundException("Patient/" + id);
        } catch (AccessDeniedException e) {
            throw new ForbiddenOperationException("This patient's record is not open to you. In an emergency a clinician"
                    + " can open it with break-glass access at /patients/" + id.value() + "/emergency-access (ADR 027).");
        }
    }

    StaffIndex staff() {
        return StaffIndex.load(accounts);
    }

    /** One entry per patient touched ({@code patients} empty: one entry without a patient). */
    void audit(String action, ResourceType type, @Nullable String id, Collection<UUID> patientIds, String details) {
        if (patientIds.isEmpty()) {
            audit.record(new AuditRecord(action, AuditRecord.Outcome.SUCCESS, null, "Fhir" + type.name(), id, details));
            return;
        }
        for (var patient : patientIds) {
            audit.record(new AuditRecord(action, AuditRecord.Outcome.SUCCESS, patient, "Fhir" + type.name(), id,
                    details));
        }
    }

    private void deny(String what) {
        audit.recordIndependently(new AuditRecord("ACCESS_DENIED", AuditRecord.Outcome.DENIED, null, "Route", what,
                null));
        throw new ForbiddenOperationException("Your role does not allow this.");
    }
}
