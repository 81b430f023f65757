// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Clock;
import java.util.Optional;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.HomeCard;
import org.springframework.stereotype.Component;

/** Home-page cards: the intake queue's counts for coordinators, the triage list's for clinicians. Counts only. */
@Component
class IntakeHomeCards implements HomeCard {

    private final InquiryRepository inquiries;
    private final Clock clock;

    IntakeHomeCards(InquiryRepository inquiries, Clock clock) {
        this.inquiries = inquiries;
        this.clock = clock;
    }

    @Override
    public Optional<Card> cardFor(ClinicUser user) {
        boolean coordinator = user.hasRole(Role.INTAKE_COORDINATOR);
        boolean clinician = user.hasAnyRole(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER);
        if (!coordinator && !clinician) {
            return Optional.empty();
        }
        var c = inquiries.counts(clock.instant());
        if (coordinator) {
            return Optional.of(new Card("Intake queue", "/intake", c.open() + " awaiting first contact, " + c.overdue()
                    + " overdue, " + c.urgent() + " urgent.", c.overdue() > 0 || c.urgent() > 0));
        }
        return Optional.of(new Card("Clinical triage", "/intake/triage", c.awaitingTriage() == 0
                ? "Nothing waiting for triage."
                : c.awaitingTriage() + " inquiries with a crisis finding wait for a clinician.", c.awaitingTriage() > 0));
    }
}
