// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditedEvent;

/** What happens to an inquiry, as named events. Each leaves an audit entry in the same transaction. */
public final class InquiryEvents {

    private InquiryEvents() {}

    private static AuditRecord about(String action, InquiryId id, String details) {
        return AuditRecord.success(action).about("Inquiry", id.toString()).withDetails(details);
    }

    /**
     * A person submitted the public form or the API. {@code crisisFinding} is what the crisis screen found; the
     * safety module raises an alert for a positive or negated-mention finding.
     */
    public record InquirySubmitted(InquiryId id, String reference, boolean urgent, boolean minor,
            CrisisFinding crisisFinding) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return about("INQUIRY_SUBMITTED", id, reference + (urgent ? " urgent" : "") + (minor ? " minor" : ""));
        }
    }

    /** Staff logged a contact with the person; the first one stops the reply clock. */
    public record InquiryContactLogged(InquiryId id, String method, String outcome, boolean first) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return about("INQUIRY_CONTACT_LOGGED", id, method + " " + outcome + (first ? " first contact" : ""));
        }
    }

    /** A clinician reviewed the crisis screen's finding. */
    public record InquiryTriaged(InquiryId id) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return about("INQUIRY_TRIAGED", id, "");
        }
    }

    /** The inquiry was closed or referred out. */
    public record InquiryClosed(InquiryId id, InquiryStatus status) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return about("INQUIRY_CLOSED", id, status.name());
        }
    }

    /** The inquiry became a patient record with a therapist on the care team. */
    public record InquiryConverted(InquiryId id, UUID patientId, UUID therapistId) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord("INQUIRY_CONVERTED", AuditRecord.Outcome.SUCCESS, patientId, "Inquiry", id.toString(),
                    "therapist " + therapistId);
        }
    }

    /** The reply clock crossed 75% or 100% without a first contact; coordinators and admins were emailed. */
    public record InquiryEscalated(InquiryId id, String level, int recipients) implements AuditedEvent {
        @Override
        public AuditRecord auditRecord() {
            return about("INQUIRY_ESCALATED", id, level + " to " + recipients + " recipients");
        }
    }
}
