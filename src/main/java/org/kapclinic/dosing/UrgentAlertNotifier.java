// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Duration;
import java.util.LinkedHashSet;
import org.kapclinic.notifications.Notifications;
import org.kapclinic.scheduling.StaffBlocks;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.security.UserId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Besides the board's red card, possible respiratory depression emails the prescribers and nurses on site at that
 * location now (staff blocks), in the same transaction as the check, so the message cannot be lost. The email names
 * no patient: it says where to look.
 */
@Component
class UrgentAlertNotifier {

    private final StaffBlocks blocks;
    private final UserAccounts accounts;
    private final Notifications notifications;
    private final String baseUrl;

    UrgentAlertNotifier(StaffBlocks blocks, UserAccounts accounts, Notifications notifications,
            @Value("${kap.clinic.base-url}") String baseUrl) {
        this.blocks = blocks;
        this.accounts = accounts;
        this.notifications = notifications;
        this.baseUrl = baseUrl;
    }

    @EventListener
    void respiratoryDepression(DosingEvents.RespiratoryDepressionSuspected e) {
        var onSite = new LinkedHashSet<String>();
        blocks.at(e.locationId(), e.at(), e.at().plus(Duration.ofMinutes(1)))
                .forEach(b -> accounts.notificationAddress(new UserId(b.accountId())).ifPresent(onSite::add));
        for (var to : onSite) {
            notifications.queueEmail(to, "URGENT: possible respiratory depression at a dosing chair",
                    "A check at a dosing chair flagged possible respiratory depression (" + e.detail() + ").\n\n"
                            + "Go to the chair now. The session: " + baseUrl + "/dosing/sessions/" + e.sessionId()
                            + "\n\nAcknowledge the alert on the session page once the patient is safe.");
        }
    }
}
