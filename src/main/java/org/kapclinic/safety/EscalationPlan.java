// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.BusinessCalendar;
import org.kapclinic.calendar.CountingMode;

/**
 * Which step to page and when the next one is due. Pure, so every rule is tested without a clock or a database.
 *
 * <ul>
 *   <li>Immediate: the care team at once in opening hours, then a step every {@code immediateStep} of wall-clock
 *       time; outside opening hours straight to on-call (step 3), care team included.</li>
 *   <li>Same business day: the care team at once, then a step every {@code sameDayStep} of opening hours.</li>
 *   <li>Routine: the care team, then a step every {@code routineStep} of business days.</li>
 * </ul>
 */
final class EscalationPlan {

    /** Page {@code step} now (and every step below it when {@code includeLower}); next step due at {@code next}. */
    record Page(int step, boolean includeLower, @Nullable Instant next) {}

    private final SafetySettings settings;

    EscalationPlan(SafetySettings settings) {
        this.settings = settings;
    }

    Page onRaise(AlertLevel level, BusinessCalendar calendar, Instant now) {
        if (level == AlertLevel.IMMEDIATE && !calendar.isOpen(now)) {
            return new Page(Alert.ON_CALL, true, null);
        }
        return new Page(Alert.CARE_TEAM, false, next(level, Alert.CARE_TEAM, calendar, now));
    }

    /** The page due now for an alert last paged at {@code current}; null when it is at the top already. */
    @Nullable Page onDue(AlertLevel level, int current, BusinessCalendar calendar, Instant now) {
        if (current >= Alert.ON_CALL) {
            return null;
        }
        if (level == AlertLevel.IMMEDIATE && !calendar.isOpen(now)) {
            return new Page(Alert.ON_CALL, false, null);
        }
        int step = current + 1;
        return new Page(step, false, next(level, step, calendar, now));
    }

    private @Nullable Instant next(AlertLevel level, int step, BusinessCalendar calendar, Instant now) {
        if (step >= Alert.ON_CALL) {
            return null;
        }
        return switch (level) {
            case IMMEDIATE -> now.plus(settings.immediateStep());
            case SAME_DAY -> calendar.withMode(CountingMode.OPENING_HOURS).addBusinessTime(now, settings.sameDayStep());
            case ROUTINE -> calendar.withMode(CountingMode.BUSINESS_DAYS).addBusinessTime(now, settings.routineStep());
        };
    }
}
