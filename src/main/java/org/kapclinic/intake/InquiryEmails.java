// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Instant;
import java.time.ZoneId;

/** Email texts. They carry references and links, never what the person wrote about their health. */
final class InquiryEmails {

    private InquiryEmails() {}

    static final String CRISIS_LINES = """
            If you are thinking about suicide or are in danger now, do not wait for us:
              - call or text 988 (Suicide & Crisis Lifeline), any time;
              - call 911, or go to the nearest emergency room;
              - or text HOME to 741741 (Crisis Text Line).
            Messages to the clinic are not monitored around the clock.""";

    static String acknowledgment(String reference, Instant respondBy, ZoneId zone, boolean urgent) {
        return "Thank you for reaching out. We received your message; your reference is " + reference + ".\n\n"
                + (urgent ? "A clinician will look at it today and we will contact you as soon as we can.\n\n"
                        : "We will contact you by " + Inquiries.format(respondBy, zone) + ".\n"
                                + "If you do not hear from us by then, please call or write to the clinic.\n\n")
                + CRISIS_LINES + "\n";
    }

    static String urgentAlert(String reference, String link, boolean afterHours) {
        return "An inquiry's crisis screen was positive. It needs same-day clinical triage"
                + (afterHours ? " now: the clinic is closed and you are on call" : "") + ".\n\n"
                + "Reference: " + reference + "\nOpen it: " + link + "\n";
    }

    static String escalation(String reference, String link, boolean overdue, boolean urgent, Instant respondBy,
            ZoneId zone) {
        return (urgent ? "URGENT inquiry " : "Inquiry ") + reference
                + (overdue ? " is past its respond-by time" : " has used 75% of its reply time")
                + " without a first contact.\nRespond by: " + Inquiries.format(respondBy, zone) + "\nOpen it: " + link
                + "\nLog the first contact on that page to stop the clock.\n";
    }
}
