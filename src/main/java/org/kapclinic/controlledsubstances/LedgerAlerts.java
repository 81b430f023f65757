// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.time.LocalDate;
import java.util.Set;
import org.kapclinic.notifications.Notifications;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Emails admins and prescribers when a count finds a discrepancy or a theft or loss is reported, in the transaction of
 * the entry (the outbox). The emails name the location and the deadline, never a patient.
 */
@Component
class LedgerAlerts {

    private static final Set<Role> TO = Set.of(Role.ADMIN, Role.PRESCRIBER);

    private final Notifications notifications;
    private final UserAccounts accounts;
    private final String baseUrl;

    LedgerAlerts(Notifications notifications, UserAccounts accounts, @Value("${kap.clinic.base-url}") String baseUrl) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.baseUrl = baseUrl;
    }

    void discrepancy(String location, int lots) {
        send("Controlled-substance count discrepancy at " + location, "A count at " + location + " found " + lots
                + (lots == 1 ? " lot" : " lots") + " that differ from the ledger. A prescriber or admin resolves each"
                + " discrepancy with a reason:\n\n" + baseUrl + "/controlled-substances\n");
    }

    void loss(String location, LocalDate noticeDue, LocalDate form106Due) {
        send("Controlled-substance theft or loss reported at " + location, "A theft or significant loss was reported at "
                + location + ".\n\nNotify the DEA field office in writing by the end of " + noticeDue
                + " (within 1 business day of discovery), and file DEA Form 106 electronically by " + form106Due
                + ".\n\n" + baseUrl + "/controlled-substances\n");
    }

    private void send(String subject, String body) {
        for (var to : accounts.notificationAddresses(TO)) {
            notifications.queueEmail(to, subject, body);
        }
    }
}
