// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.util.Optional;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.HomeCard;
import org.springframework.stereotype.Component;

/** The Safety inbox's count on clinicians' home page. Counts only. */
@Component
class SafetyHomeCard implements HomeCard {

    private final SafetyAlerts safety;

    SafetyHomeCard(SafetyAlerts safety) {
        this.safety = safety;
    }

    @Override
    public Optional<Card> cardFor(ClinicUser user) {
        if (!user.hasAnyRole(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER)) {
            return Optional.empty();
        }
        int open = safety.openCount();
        return Optional.of(new Card("Safety inbox", "/safety",
                open == 0 ? "No open safety alerts." : open + (open == 1 ? " open alert needs" : " open alerts need")
                        + " a clinician's acknowledgment.", open > 0));
    }
}
