// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.patients.PatientId;
import org.kapclinic.timeline.TimelineEntry;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineSource;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integration-due items on the care timeline: an open item at its due time (overdue ones need attention), a done one
 * when the integration session was held, a closed one when it was closed. One query; the timeline audits.
 */
@Component
class IntegrationTimeline implements TimelineSource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.US);

    private final IntegrationRepository items;
    private final ClinicCalendar calendar;
    private final Clock clock;

    IntegrationTimeline(IntegrationRepository items, ClinicCalendar calendar, Clock clock) {
        this.items = items;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Set<TimelineKind> kinds() {
        return Set.of(TimelineKind.INTEGRATION);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> entries(PatientId patient, TimelineWindow window) {
        if (!window.wants(TimelineKind.INTEGRATION)) {
            return List.of();
        }
        var now = clock.instant();
        ZoneId zone = calendar.zone();
        var href = "/patients/" + patient.value() + "/notes";
        return items.forTimeline(patient.value(), window.from(), window.to(), window.limit()).stream().map(item -> {
            var status = item.statusAt(now);
            var ended = "After the dosing session of " + WHEN.format(item.endedAt().atZone(zone));
            return switch (status) {
                case DUE -> new TimelineEntry(item.dueAt(), TimelineKind.INTEGRATION, "Integration due",
                        ended + "; due within " + item.windowHours() + " h", href, false);
                case OVERDUE -> new TimelineEntry(item.dueAt(), TimelineKind.INTEGRATION, "Integration overdue",
                        ended + "; was due " + WHEN.format(item.dueAt().atZone(zone)), href, true);
                case DONE_ON_TIME, DONE_LATE -> new TimelineEntry(item.doneAt() == null ? item.dueAt() : item.doneAt(),
                        TimelineKind.INTEGRATION, "Integration " + status.label().toLowerCase(Locale.ROOT), ended, href,
                        false);
                case NOT_NEEDED -> new TimelineEntry(item.closedAt() == null ? item.dueAt() : item.closedAt(),
                        TimelineKind.INTEGRATION, "Integration not needed", ended + "; " + item.closeReason(), href,
                        false);
            };
        }).toList();
    }
}
