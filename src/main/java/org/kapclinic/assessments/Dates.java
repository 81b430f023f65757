// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting for pages and messages. */
final class Dates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mm a", Locale.US);

    private Dates() {}

    static String dateTime(Instant at, ZoneId zone) {
        return DATE_TIME.format(at.atZone(zone));
    }

    /** "field: message" exceptions shown to a person: the message without its field prefix. */
    static String message(RuntimeException e) {
        return org.kapclinic.web.FieldMessage.of(e, "").message();
    }
}
