// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When the next monitoring check is due, pure. During an infusion: every {@code infusionInterval} (REFERENCE 3.3,
 * BP every 10 min). In the first hour after the dose starts: every {@code firstHourInterval}. Then every
 * {@code laterInterval}. For esketamine the BP check at about 40 minutes (REFERENCE 1.3, near Cmax) is due on its own
 * until a check is taken from {@code 40 min - window} on.
 */
public final class CheckClock {

    public record Due(Instant at, String what, boolean overdue, long minutesLate) {}

    private final DosingSettings s;

    public CheckClock(DosingSettings settings) {
        this.s = settings;
    }

    /**
     * @param doseStart first device, infusion start or the time the dose was given; null while not dosed
     * @param infusionEnd when an infusion ended; null while it runs or for other routes
     * @param checks post-dose check times, any order
     */
    public @Nullable Due next(Route route, @Nullable Instant doseStart, @Nullable Instant infusionEnd,
            List<Instant> checks, Instant now) {
        if (doseStart == null) {
            return null;
        }
        var last = checks.stream().filter(t -> !t.isBefore(doseStart)).max(Instant::compareTo).orElse(doseStart);
        var regular = last.plus(interval(route, doseStart, infusionEnd, last));
        var what = "Vitals check";
        var due = regular;
        if (route == Route.NASAL) {
            var bpAt = doseStart.plus(s.esketamineBpCheckAt());
            var from = bpAt.minus(s.esketamineBpCheckWindow());
            boolean done = checks.stream().anyMatch(t -> !t.isBefore(from));
            if (!done && !bpAt.isAfter(due)) {
                due = bpAt;
                what = "40-minute BP check";
            }
        }
        boolean overdue = now.isAfter(due);
        long late = overdue ? Duration.between(due, now).toMinutes() : 0;
        return new Due(due, what, overdue, late);
    }

    Duration interval(Route route, Instant doseStart, @Nullable Instant infusionEnd, Instant at) {
        if (route == Route.IV && (infusionEnd == null || at.isBefore(infusionEnd))) {
            return s.infusionInterval();
        }
        return at.isBefore(doseStart.plus(Duration.ofHours(1))) ? s.firstHourInterval() : s.laterInterval();
    }

    /** Whether a check at about 40 minutes was taken (for the REMS form and the board). */
    public boolean fortyMinuteCheckTaken(Instant doseStart, List<Instant> checks) {
        var from = doseStart.plus(s.esketamineBpCheckAt()).minus(s.esketamineBpCheckWindow());
        var to = doseStart.plus(s.esketamineBpCheckAt()).plus(s.esketamineBpCheckWindow());
        return checks.stream().anyMatch(t -> !t.isBefore(from) && !t.isAfter(to));
    }
}
