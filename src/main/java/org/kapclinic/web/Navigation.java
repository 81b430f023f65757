// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import org.jspecify.annotations.Nullable;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;

/** What the layout needs to draw role-aware navigation. */
public record Navigation(String clinicName, @Nullable String userName, boolean signedIn, boolean admin,
        boolean patientSearch, boolean patient, boolean intake, boolean therapist, boolean clinician,
        boolean safetySettings, boolean dosing, boolean controlledSubstances, boolean remsForms) {

    static Navigation of(String clinicName, @Nullable ClinicUser user) {
        if (user == null) {
            return new Navigation(clinicName, null, false, false, false, false, false, false, false, false, false,
                    false, false);
        }
        return new Navigation(clinicName, user.displayName(), true, user.hasRole(Role.ADMIN),
                user.hasAnyRole(Role.INTAKE_COORDINATOR, Role.THERAPIST, Role.NURSE, Role.PRESCRIBER),
                user.hasRole(Role.PATIENT), user.hasRole(Role.INTAKE_COORDINATOR), user.hasRole(Role.THERAPIST),
                user.hasAnyRole(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER), user.hasAnyRole(Role.ADMIN, Role.PRESCRIBER),
                user.hasAnyRole(Role.NURSE, Role.PRESCRIBER),
                user.hasAnyRole(Role.ADMIN, Role.NURSE, Role.PRESCRIBER),
                user.hasAnyRole(Role.ADMIN, Role.NURSE, Role.PRESCRIBER));
    }
}
