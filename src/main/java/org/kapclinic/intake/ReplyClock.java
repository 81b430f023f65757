// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Duration;
import java.time.Instant;
import org.kapclinic.calendar.BusinessCalendar;
import org.kapclinic.calendar.CountingMode;

/**
 * When an inquiry is due and when to warn. Non-urgent: {@code responseTime} counted on the clinic's calendar (whole
 * business days, or opening hours if the admin chose that). Urgent: {@code urgentResponseTime} of opening hours when
 * the clinic is open; after hours it is due at once and goes to the on-call clinician.
 */
record ReplyClock(Duration responseTime, Duration urgentResponseTime, double warnFraction) {

    record Deadlines(Instant respondBy, Instant warnAt, boolean afterHours) {}

    static ReplyClock of(IntakeSettings settings) {
        return new ReplyClock(settings.responseTime(), settings.urgentResponseTime(), settings.warnFraction());
    }

    Deadlines deadlines(BusinessCalendar calendar, Instant submitted, boolean urgent) {
        if (!urgent) {
            return new Deadlines(calendar.addBusinessTime(submitted, responseTime),
                    calendar.addBusinessTime(submitted, fraction(responseTime)), false);
        }
        if (!calendar.isOpen(submitted)) {
            return new Deadlines(submitted, submitted, true);
        }
        var openingHours = calendar.withMode(CountingMode.OPENING_HOURS);
        return new Deadlines(openingHours.addBusinessTime(submitted, urgentResponseTime),
                openingHours.addBusinessTime(submitted, fraction(urgentResponseTime)), false);
    }

    private Duration fraction(Duration total) {
        return Duration.ofSeconds(Math.round(total.toSeconds() * warnFraction));
    }
}
