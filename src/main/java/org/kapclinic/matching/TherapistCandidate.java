// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.WeeklyWindow;

/** A therapist as the ranker sees them; current caseload is counted from care teams. */
public record TherapistCandidate(UUID therapistId, String name, Set<String> licensedStates, boolean acceptingNewClients,
        boolean offersTelehealth, List<String> inPersonLocations, boolean kapTrained, Set<String> specialties,
        Set<String> languages, @Nullable String gender, Set<String> affirming, Set<String> insurancePanels,
        List<WeeklyWindow> availability, int caseloadLimit, int currentCaseload) {

    public int headroom() {
        return Math.max(0, caseloadLimit - currentCaseload);
    }
}
