// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Duration;
import java.time.Instant;
import org.kapclinic.calendar.BusinessCalendar;

/** A queue line with its business time left: highlighted under 4 business hours, marked when overdue. */
record QueueRow(QueueEntry entry, String respondBy, String timeLeft, boolean soon, boolean overdue, boolean stopped) {

    static final Duration SOON = Duration.ofHours(4);

    static QueueRow of(QueueEntry entry, BusinessCalendar calendar, Instant now) {
        var respondBy = Inquiries.format(entry.respondBy(), calendar.zone());
        if (entry.firstContactAt() != null) {
            return new QueueRow(entry, respondBy, "Clock stopped: contacted", false, false, true);
        }
        var left = entry.respondBy().isAfter(now) ? calendar.businessTimeBetween(now, entry.respondBy()) : Duration.ZERO;
        boolean overdue = !entry.respondBy().isAfter(now);
        if (overdue) {
            // overdue is told in plain elapsed time: a person has been waiting, holiday or not
            var late = Duration.between(entry.respondBy(), now);
            return new QueueRow(entry, respondBy, "Overdue by " + human(late), false, true, false);
        }
        return new QueueRow(entry, respondBy, human(left) + " business time left", left.compareTo(SOON) < 0, false, false);
    }

    static String human(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        var text = (days > 0 ? days + " d " : "") + (days > 0 || hours > 0 ? hours + " h " : "") + (minutes % 60) + " min";
        return text;
    }
}
