// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may open which form, and the audit entries the forms leave. Nurses and prescribers fill, sign and submit forms
 * of patients they may see (the patients module's care-team check, ADR 004); admins read forms and their PDFs for
 * compliance follow-up without a care-team check; nobody else, and never a patient.
 */
@Component
class FormAccess {

    static final String CLINICIANS = "hasAnyRole('NURSE', 'PRESCRIBER')";
    static final String READERS = "hasAnyRole('NURSE', 'PRESCRIBER', 'ADMIN')";

    private final Patients patients;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    FormAccess(Patients patients, CurrentUser currentUser, AuditTrail audit) {
        this.patients = patients;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Refuses unless the caller is a nurse or prescriber who may see this patient. */
    void checkCare(UUID patientId) {
        var user = currentUser.get();
        if (!user.hasAnyRole(Role.NURSE, Role.PRESCRIBER)) {
            throw new AccessDeniedException("Only nurses and prescribers change REMS forms.");
        }
        patients.forCare(new PatientId(patientId));
    }

    /** Refuses unless the caller may read this patient's form: a nurse or prescriber who may see them, or an admin. */
    void checkRead(UUID patientId) {
        var user = currentUser.get();
        if (user.hasAnyRole(Role.NURSE, Role.PRESCRIBER)) {
            patients.forCare(new PatientId(patientId));
        } else if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("Only nurses, prescribers and admins read REMS forms.");
        }
    }

    boolean limitedToCareTeam() {
        return patients.careTeamOnly();
    }

    /** The caller's email for who/when columns, or "system" when the session code runs without a user. */
    String by() {
        return currentUser.name();
    }

    String byName() {
        return currentUser.find().map(ClinicUser::displayName).orElse("system");
    }

    void record(AuditRecord record) {
        if (currentUser.find().isPresent()) {
            audit.record(record);
        } else {
            audit.recordAs("system:dosing", "", record);
        }
    }

    static AuditRecord entry(String action, UUID patientId, UUID sessionId, String details) {
        return new AuditRecord(action, AuditRecord.Outcome.SUCCESS, patientId, "RemsMonitoringForm",
                sessionId.toString(), details);
    }
}
