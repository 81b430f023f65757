// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.dosing.DosingRecords.SessionRecord;
import org.kapclinic.dosing.SessionStatus;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentRecords.AppointmentRecord;

/**
 * Dosing sessions and the other appointments (evaluation, preparation, integration, therapy, follow-up) as ambulatory
 * R4 Encounters; never any note content. A session running is in progress and an ended one finished (left against
 * advice carries that discharge disposition). An appointment is planned until it starts; after that the schedule does
 * not know whether it took place, so it is "unknown" rather than claimed finished; a cancelled one is cancelled.
 */
final class EncounterFhirMapper {

    private EncounterFhirMapper() {}

    static Encounter dosing(SessionRecord s) {
        var e = base(s.id().toString(), s.patientId().value().toString());
        e.setStatus(s.status().active() ? Encounter.EncounterStatus.INPROGRESS : Encounter.EncounterStatus.FINISHED);
        e.addType(new CodeableConcept().setText("Dosing session: " + Modality.valueOf(s.modality()).label()));
        e.setPeriod(period(s.openedAt(), s.endedAt()));
        if (s.status() == SessionStatus.LEFT_AMA) {
            e.getHospitalization().setDischargeDisposition(FhirCodes.concept(FhirCodes.DISCHARGE_DISPOSITION, "aadvice",
                    "Left against advice"));
        }
        return e;
    }

    static Encounter appointment(AppointmentRecord a, Instant now, StaffIndex staff) {
        var e = base(a.id().toString(), a.patientId().value().toString());
        e.setStatus(a.status() == Appointment.Status.CANCELLED ? Encounter.EncounterStatus.CANCELLED
                : a.startsAt().isAfter(now) ? Encounter.EncounterStatus.PLANNED : Encounter.EncounterStatus.UNKNOWN);
        e.addType(new CodeableConcept().setText(a.type().label()));
        e.setPeriod(period(a.startsAt(), a.endsAt()));
        var clinician = staff.reference(a.clinicianId());
        if (clinician != null) {
            e.addParticipant().setIndividual(clinician);
        }
        return e;
    }

    private static Encounter base(String id, String patient) {
        var e = new Encounter();
        e.setId(id);
        e.setClass_(new Coding(FhirCodes.ACT_CODE, "AMB", "ambulatory"));
        e.setSubject(new Reference("Patient/" + patient));
        return e;
    }

    private static Period period(Instant start, @org.jspecify.annotations.Nullable Instant end) {
        var p = new Period().setStart(Date.from(start));
        if (end != null) {
            p.setEnd(Date.from(end));
        }
        return p;
    }
}
