// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.notifications;

import org.springframework.stereotype.Component;

/** Tells screens whether email actually leaves the building, so they can show a link when it does not. */
@Component
public class MailStatus {

    private final EmailOutboxDelivery delivery;

    MailStatus(EmailOutboxDelivery delivery) {
        this.delivery = delivery;
    }

    public boolean deliversEmail() {
        return delivery.configured();
    }
}
