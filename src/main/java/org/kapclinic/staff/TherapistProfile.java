// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.WeeklyWindow;
import org.kapclinic.security.UserId;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Concern;

/**
 * What matching knows about a therapist: focus, ketamine-assisted psychotherapy training, licensure, where and how they
 * see clients, languages, gender, affirming approaches, insurance panels, weekly availability and caseload limit.
 */
public record TherapistProfile(UserId userId, String displayName, String credentials, Set<Concern> focus,
        boolean kapTrained, List<String> licensedStates, boolean telehealth, List<String> inPersonLocations,
        List<String> languages, @Nullable String gender, Set<AffirmingTag> affirming, List<String> insurancePanels,
        boolean acceptingNewClients, List<WeeklyWindow> availability, int caseloadLimit, @Nullable String bio,
        long version) {}
