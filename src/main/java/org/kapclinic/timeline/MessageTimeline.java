// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kapclinic.notifications.Notifications;
import org.kapclinic.patients.PatientId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Emails sent about the patient (reminders, questionnaire links), by subject only. It lives here because notifications
 * sits below every module (patients depends on it through security) and so cannot implement this interface itself.
 */
@Component
class MessageTimeline implements TimelineSource {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private final Notifications notifications;
    private final ZoneId zone;

    MessageTimeline(Notifications notifications, @Value("${kap.clinic.time-zone}") String zone) {
        this.notifications = notifications;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public Set<TimelineKind> kinds() {
        return Set.of(TimelineKind.MESSAGE);
    }

    @Override
    public List<TimelineEntry> entries(PatientId patient, TimelineWindow window) {
        return notifications.sentAbout(patient.value(), window.from(), window.to(), window.limit()).stream()
                .map(email -> new TimelineEntry(email.queuedAt(), TimelineKind.MESSAGE, "Email: " + email.subject(),
                        email.sentAt() != null ? "Sent " + TIME.format(email.sentAt().atZone(zone))
                                : email.attempts() > 0 ? "Not sent yet (" + email.attempts() + " attempts)"
                                        : "Waiting to be sent",
                        null, email.sentAt() == null && email.attempts() > 0))
                .toList();
    }
}
