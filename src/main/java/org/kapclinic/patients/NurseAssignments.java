// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.util.Set;
import java.util.UUID;

/**
 * Which patients a nurse is booked with today, for the care-team-only access setting. Implemented by the scheduling
 * module (which depends on patients, so this interface keeps the dependency one-way). Without an implementation,
 * nurses see no patients while care-team-only is on.
 */
public interface NurseAssignments {
    Set<UUID> patientsBookedToday(UUID nurseUserId);
}
