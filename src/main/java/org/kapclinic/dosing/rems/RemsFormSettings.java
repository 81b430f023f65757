// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.rems.*} (README, "Settings").
 *
 * @param formVersion pins the form version new forms use (blank: the version in effect on the treatment date)
 * @param submissionDays calendar days after the treatment date by which the form must reach the REMS
 *     (REFERENCE.md 2.1/2.2: "within 7 calendar days")
 * @param reminderCron when the daily digest goes out, in the clinic's time zone ({@code kap.clinic.time-zone})
 * @param reminderTo comma-separated addresses of the clinic's REMS contacts; blank: every enabled nurse and prescriber
 * @param reminderDaysAhead the digest lists forms due within this many days, besides the overdue ones
 */
@ConfigurationProperties("kap.rems")
record RemsFormSettings(@DefaultValue("") String formVersion, @DefaultValue("7") int submissionDays,
        @DefaultValue("0 0 8 * * *") String reminderCron, @DefaultValue("") String reminderTo,
        @DefaultValue("2") int reminderDaysAhead) {

    RemsFormSettings {
        if (submissionDays < 1 || submissionDays > 60) {
            throw new IllegalArgumentException("kap.rems.submission-days must be 1-60 (the REMS asks for 7).");
        }
        if (reminderDaysAhead < 0 || reminderDaysAhead > 30) {
            throw new IllegalArgumentException("kap.rems.reminder-days-ahead must be 0-30.");
        }
    }

    /** The configured REMS contacts, or empty for "every enabled nurse and prescriber". */
    List<String> reminderAddresses() {
        return Arrays.stream(reminderTo.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
    }
}
