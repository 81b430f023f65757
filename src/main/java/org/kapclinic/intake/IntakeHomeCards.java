// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Clock;
import java.util.Optional;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.HomeCard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Home-page cards: the intake queue's counts for coordinators, the triage list's for clinicians. Counts only. */
@Component
class IntakeHomeCards implements HomeCard {

    private final JdbcClient jdbc;
    private final Clock clock;

    IntakeHomeCards(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Card> cardFor(ClinicUser user) {
        if (user.hasRole(Role.INTAKE_COORDINATOR)) {
            var now = InquiryRepository.utc(clock.instant());
            long open = count("SELECT COUNT(*) FROM inquiry WHERE status = 'OPEN'", null);
            long overdue = count("SELECT COUNT(*) FROM inquiry WHERE status = 'OPEN' AND respond_by <= :now", now);
            long urgent = count("SELECT COUNT(*) FROM inquiry WHERE status = 'OPEN' AND urgent", null);
            return Optional.of(new Card("Intake queue", "/intake", open + " awaiting first contact, " + overdue
                    + " overdue, " + urgent + " urgent.", overdue > 0 || urgent > 0));
        }
        if (user.hasAnyRole(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER)) {
            long waiting = count("SELECT COUNT(*) FROM inquiry WHERE crisis_finding <> 'NONE' AND triaged_at IS NULL", null);
            return Optional.of(new Card("Clinical triage", "/intake/triage", waiting == 0 ? "Nothing waiting for triage."
                    : waiting + " inquiries with a crisis finding wait for a clinician.", waiting > 0));
        }
        return Optional.empty();
    }

    private long count(String sql, java.time.@org.jspecify.annotations.Nullable OffsetDateTime now) {
        var statement = jdbc.sql(sql);
        if (now != null) {
            statement = statement.param("now", now);
        }
        return statement.query(Long.class).single();
    }
}
