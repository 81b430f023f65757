// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.util.Optional;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.HomeCard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sessions in progress and open urgent alerts, as counts for nurses and prescribers (no patient named). */
@Component
class DosingHomeCard implements HomeCard {

    private final JdbcClient jdbc;

    DosingHomeCard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Card> cardFor(ClinicUser user) {
        if (!user.hasAnyRole(Role.NURSE, Role.PRESCRIBER)) {
            return Optional.empty();
        }
        long active = jdbc.sql("SELECT COUNT(*) FROM dosing_session WHERE status IN ('GATE', 'CLEARED', 'DOSING',"
                + " 'OBSERVING')").query(Long.class).single();
        long urgent = jdbc.sql("SELECT COUNT(*) FROM dosing_alert a JOIN dosing_session s ON s.id = a.session_id"
                + " WHERE a.acknowledged_at IS NULL AND s.status IN ('DOSING', 'OBSERVING')").query(Long.class).single();
        var text = active + (active == 1 ? " dosing session" : " dosing sessions") + " in progress"
                + (urgent > 0 ? "; " + urgent + (urgent == 1 ? " urgent alert" : " urgent alerts") + " open." : ".");
        return Optional.of(new Card("Dosing board", "/dosing/board", text, urgent > 0));
    }
}
