// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditedEvent;

/** An admin changed the business calendar: hours, days, time zone, counting, or a holiday. */
public record CalendarChanged(String what) implements AuditedEvent {
    @Override
    public AuditRecord auditRecord() {
        return AuditRecord.success("CALENDAR_CHANGED").about("ClinicCalendar", "1").withDetails(what);
    }
}
