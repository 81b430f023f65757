// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.util.Set;
import java.util.UUID;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may see which patient record. By default therapists, nurses and prescribers see the clinic's patients and intake
 * coordinators see demographics; with {@code kap.access.care-team-only} therapists and prescribers see their care teams
 * and nurses today's bookings. A patient sees only their own record; an admin sees none.
 */
@Component
class PatientAccess {

    /** What a search may return. */
    record Scope(boolean all, Set<UUID> careTeamOf, Set<UUID> patientIds) {
        static Scope none() {
            return new Scope(false, Set.of(), Set.of());
        }

        boolean isEmpty() {
            return !all && careTeamOf.isEmpty() && patientIds.isEmpty();
        }
    }

    private final boolean careTeamOnly;
    private final ObjectProvider<NurseAssignments> nurseAssignments;
    private final ObjectProvider<EmergencyAccess> emergencyAccess;

    PatientAccess(@Value("${kap.access.care-team-only:false}") boolean careTeamOnly,
            ObjectProvider<NurseAssignments> nurseAssignments, ObjectProvider<EmergencyAccess> emergencyAccess) {
        this.careTeamOnly = careTeamOnly;
        this.nurseAssignments = nurseAssignments;
        this.emergencyAccess = emergencyAccess;
    }

    boolean canRead(ClinicUser user, Patient patient) {
        if (user.hasRole(Role.PATIENT)) {
            return user.id().value().equals(patient.accountId());
        }
        var scope = scopeFor(user);
        return scope.all()
                || (patient.therapistId() != null && scope.careTeamOf().contains(patient.therapistId()))
                || (patient.prescriberId() != null && scope.careTeamOf().contains(patient.prescriberId()))
                || scope.patientIds().contains(patient.id().value());
    }

    Scope scopeFor(ClinicUser user) {
        if (user.hasRole(Role.PATIENT)) {
            return Scope.none();
        }
        if (user.hasRole(Role.INTAKE_COORDINATOR)) {
            return new Scope(true, Set.of(), Set.of());
        }
        if (!careTeamOnly) {
            return new Scope(user.hasAnyRole(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER), Set.of(), Set.of());
        }
        var careTeam = user.hasAnyRole(Role.THERAPIST, Role.PRESCRIBER) ? Set.of(user.id().value()) : Set.<UUID>of();
        var booked = user.hasRole(Role.NURSE)
                ? nurseAssignments.stream().findFirst().map(n -> n.patientsBookedToday(user.id().value())).orElse(Set.of())
                : Set.<UUID>of();
        // Break-glass (ADR 027): an unexpired emergency grant opens that record to the clinician who asked for it.
        var emergency = user.hasAnyRole(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER)
                ? emergencyAccess.stream().findFirst().map(e -> e.openedInEmergency(user.id().value())).orElse(Set.of())
                : Set.<UUID>of();
        if (emergency.isEmpty()) {
            return new Scope(false, careTeam, booked);
        }
        var patientIds = new java.util.HashSet<>(booked);
        patientIds.addAll(emergency);
        return new Scope(false, careTeam, Set.copyOf(patientIds));
    }

    /** True when the user's ordinary scope (without emergency grants) covers this patient. */
    boolean inOrdinaryScope(ClinicUser user, Patient patient) {
        if (user.hasRole(Role.PATIENT)) {
            return user.id().value().equals(patient.accountId());
        }
        if (user.hasRole(Role.INTAKE_COORDINATOR) || !careTeamOnly) {
            return scopeFor(user).all();
        }
        var id = user.id().value();
        if (user.hasAnyRole(Role.THERAPIST, Role.PRESCRIBER)
                && (id.equals(patient.therapistId()) || id.equals(patient.prescriberId()))) {
            return true;
        }
        return user.hasRole(Role.NURSE) && nurseAssignments.stream().findFirst()
                .map(n -> n.patientsBookedToday(id).contains(patient.id().value())).orElse(false);
    }

    boolean careTeamOnly() {
        return careTeamOnly;
    }
}
