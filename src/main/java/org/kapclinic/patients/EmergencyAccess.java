// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.util.Set;
import java.util.UUID;

/**
 * Records a clinician has opened in an emergency (break-glass, ADR 027), implemented by the breakglass module.
 * {@link PatientAccess} adds them to the clinician's scope while the grant lasts, so every page, API and FHIR read
 * honours a grant through the one check.
 */
public interface EmergencyAccess {

    /** Patients this user holds an unexpired emergency grant for. */
    Set<UUID> openedInEmergency(UUID userId);
}
