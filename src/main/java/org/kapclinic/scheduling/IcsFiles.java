// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

/**
 * iCalendar text for feeds and email attachments (ical4j). Events carry no patient name and no clinical detail: a
 * summary such as "Appointment" or initials, the time and place, and a link that needs sign-in.
 */
final class IcsFiles {

    record Event(String uid, Instant start, Instant end, String summary, String location, String link) {}

    private IcsFiles() {}

    static String calendar(List<Event> events) {
        var calendar = new Calendar();
        calendar.add(new ProdId("-//KAP Clinic//Appointments//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        for (var e : events) {
            var event = new VEvent(e.start(), e.end(), e.summary());
            event.add(new Uid(e.uid() + "@kapclinic"));
            event.add(new Location(e.location()));
            event.add(new Description("Details (sign-in needed): " + e.link()));
            calendar.add(event);
        }
        return calendar.toString();
    }
}
