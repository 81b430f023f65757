// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.security.UserId;
import org.springframework.stereotype.Component;

/**
 * Who a step pages. Nobody is ever left out: a step with no one set (no care team, no prescriber on duty, no on-call)
 * falls back to every prescriber, so an alert always reaches a clinician. Admins are informed at step 3, never targeted.
 */
@Component
class AlertRouting {

    private final PatientDirectory directory;
    private final DutyRoster duty;
    private final UserAccounts accounts;

    AlertRouting(PatientDirectory directory, DutyRoster duty, UserAccounts accounts) {
        this.directory = directory;
        this.duty = duty;
        this.accounts = accounts;
    }

    List<String> recipients(Alert alert, int step, boolean includeLower) {
        var to = new LinkedHashSet<String>();
        var roster = duty.current();
        for (int s = includeLower ? Alert.CARE_TEAM : step; s <= step; s++) {
            switch (s) {
                case Alert.CARE_TEAM -> {
                    var team = alert.patientId() == null ? null
                            : directory.careTeam(new PatientId(alert.patientId())).orElse(null);
                    if (team != null && !team.isEmpty()) {
                        add(to, team.therapistId());
                        add(to, team.prescriberId());
                    } else {
                        // No care team (an inquiry, or a patient not yet assigned): the clinic's triage, led by the
                        // prescriber on duty.
                        add(to, roster.prescriberOnDuty());
                    }
                }
                case Alert.PRESCRIBER_ON_DUTY -> add(to, roster.prescriberOnDuty());
                case Alert.ON_CALL -> {
                    add(to, roster.onCall());
                    add(to, roster.clinicalLead());
                }
                default -> throw new IllegalArgumentException("No step " + s);
            }
        }
        if (to.isEmpty()) {
            to.addAll(accounts.notificationAddresses(Set.of(Role.PRESCRIBER)));
        }
        return new ArrayList<>(to);
    }

    /** Admins, told for information when an alert reaches the top step. */
    List<String> informed() {
        return accounts.notificationAddresses(Set.of(Role.ADMIN));
    }

    private void add(Set<String> to, @Nullable UUID user) {
        if (user != null) {
            accounts.notificationAddress(new UserId(user)).ifPresent(to::add);
        }
    }
}
