// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

/** What the reply clock counts: every hour of a business day, or only its opening hours. */
public enum CountingMode {
    BUSINESS_DAYS,
    OPENING_HOURS
}
