// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.Optional;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.HomeCard;
import org.springframework.stereotype.Component;

/** A therapist's open integration items, due and overdue, as counts (no patient named). */
@Component
class IntegrationHomeCard implements HomeCard {

    private final Integrations integrations;

    IntegrationHomeCard(Integrations integrations) {
        this.integrations = integrations;
    }

    @Override
    public Optional<Card> cardFor(ClinicUser user) {
        if (!user.hasRole(Role.THERAPIST)) {
            return Optional.empty();
        }
        var counts = integrations.openCounts(user.id().value());
        long due = counts[0];
        long overdue = counts[1];
        var text = due + (due == 1 ? " integration session" : " integration sessions") + " due"
                + (overdue > 0 ? "; " + overdue + " overdue." : ".");
        return Optional.of(new Card("Integration due", "/therapy/integrations", text, overdue > 0));
    }
}
