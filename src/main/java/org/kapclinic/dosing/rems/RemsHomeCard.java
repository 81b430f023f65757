// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.util.Optional;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.HomeCard;
import org.springframework.stereotype.Component;

/** Overdue and soon-due REMS monitoring forms, as counts on nurses' and prescribers' home page. */
@Component
class RemsHomeCard implements HomeCard {

    private final RemsFormList list;
    private final FormReader reader;
    private final RemsFormSettings settings;

    RemsHomeCard(RemsFormList list, FormReader reader, RemsFormSettings settings) {
        this.list = list;
        this.reader = reader;
        this.settings = settings;
    }

    @Override
    public Optional<Card> cardFor(ClinicUser user) {
        if (!user.hasAnyRole(Role.NURSE, Role.PRESCRIBER)) {
            return Optional.empty();
        }
        var counts = list.counts(null, reader.today(), settings.reminderDaysAhead());
        var text = new StringBuilder();
        if (counts.overdue() > 0) {
            text.append(counts.overdue()).append(counts.overdue() == 1 ? " form is" : " forms are")
                    .append(" overdue. ");
        }
        text.append(counts.dueSoon()).append(counts.dueSoon() == 1 ? " form" : " forms").append(" due within ")
                .append(settings.reminderDaysAhead()).append(" days");
        if (counts.due() > counts.dueSoon()) {
            text.append(", ").append(counts.due() - counts.dueSoon()).append(" later");
        }
        text.append(".");
        if (counts.toResend() > 0) {
            text.append(" ").append(counts.toResend()).append(counts.toResend() == 1 ? " correction" : " corrections")
                    .append(" to send.");
        }
        return Optional.of(new Card("REMS monitoring forms", "/dosing/rems-forms", text.toString(),
                counts.overdue() > 0 || counts.dueSoon() > 0 || counts.toResend() > 0));
    }
}
