// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserId;

/** A clinician as the clinic presents them: who they are, what they treat, how, in which languages and states. */
public record StaffProfile(UserId userId, String displayName, Set<Role> roles, String credentials,
        List<String> specialties, List<String> modalities, List<String> languages, List<String> licensedStates,
        boolean acceptingNewPatients, @Nullable String bio) {}
