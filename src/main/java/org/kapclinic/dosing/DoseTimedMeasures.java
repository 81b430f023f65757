// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kapclinic.assessments.MeasurementSchedules;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.treatmentplans.ProtocolDefinition;
import org.kapclinic.treatmentplans.TreatmentPlans;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Questionnaires timed from the actual dose, because ketamine can work within hours (REFERENCE.md 4.9): when a dose
 * starts, the plan's measurement points are set from that moment (e.g. mood +4 h and +24 h after every dose, a
 * measure +24 h after dose 1), and its before-each-dose questionnaires for the patient's next booked dose. Without a
 * plan, the mood rating goes out +4 h and +24 h. Clinician-rated instruments (MADRS) are not sent; the measures page
 * lists them due. Runs in the dose's transaction.
 */
@Component
class DoseTimedMeasures {

    /** Without a plan: the rapid-response points. */
    static final List<ProtocolDefinition.MeasurePoint> DEFAULT = List.of(
            new ProtocolDefinition.MeasurePoint(List.of("mood"), ProtocolDefinition.When.AFTER_EACH_DOSE, 4, null, null, null),
            new ProtocolDefinition.MeasurePoint(List.of("mood"), ProtocolDefinition.When.AFTER_EACH_DOSE, 24, null, null,
                    null));

    /** Before-each-dose questionnaires go out this long before the next dose. */
    static final Duration BEFORE_DOSE = Duration.ofHours(3);

    private final DosingRepository repository;
    private final TreatmentPlans plans;
    private final Appointments appointments;
    private final MeasurementSchedules schedules;

    DoseTimedMeasures(DosingRepository repository, TreatmentPlans plans, Appointments appointments,
            MeasurementSchedules schedules) {
        this.repository = repository;
        this.plans = plans;
        this.appointments = appointments;
        this.schedules = schedules;
    }

    record Timed(String instrument, Instant at, String reason) {}

    @EventListener
    void doseStarted(DosingEvents.DoseAdministered e) {
        var s = repository.find(e.sessionId()).orElseThrow();
        var points = s.planId() == null ? DEFAULT : plans.approvedPlan(s.planId())
                .map(p -> p.definition().measurePoints()).orElse(DEFAULT);
        for (var t : timed(points, s, e.at(), nextDose(s, e.at()))) {
            schedules.once(s.patientId(), t.instrument(), t.at(), s.id(), t.reason());
        }
    }

    /** The points as sends, pure: after this dose, after dose N when this is dose N, before the next dose. */
    static List<Timed> timed(List<ProtocolDefinition.MeasurePoint> points, DosingSession s, Instant doseAt,
            java.util.Optional<Instant> nextDose) {
        var list = new ArrayList<Timed>();
        String dose = s.doseNumber() == null ? "this dose" : "dose " + s.doseNumber();
        for (var p : points) {
            switch (p.when()) {
                case AFTER_EACH_DOSE -> {
                    if (p.hours() != null) {
                        p.instruments().forEach(i -> list.add(new Timed(i, doseAt.plus(Duration.ofHours(p.hours())),
                                "+" + p.hours() + " h after " + dose)));
                    }
                }
                case AFTER_DOSE -> {
                    if (p.hours() != null && p.dose() != null && p.dose().equals(s.doseNumber())) {
                        p.instruments().forEach(i -> list.add(new Timed(i, doseAt.plus(Duration.ofHours(p.hours())),
                                "+" + p.hours() + " h after " + dose)));
                    }
                }
                case BEFORE_EACH_DOSE -> nextDose.ifPresent(next -> p.instruments().forEach(i -> list.add(new Timed(i,
                        next.minus(BEFORE_DOSE), "before the next dose"))));
                default -> { }
            }
        }
        return list;
    }

    private java.util.Optional<Instant> nextDose(DosingSession s, Instant after) {
        return appointments.forPatient(s.patientId()).stream()
                .filter(a -> a.booked() && a.type() == AppointmentType.DOSING && !a.id().equals(s.appointmentId()))
                .map(a -> a.doseAt() == null ? a.startsAt() : a.doseAt())
                .filter(t -> t.minus(BEFORE_DOSE).isAfter(after))
                .min(Instant::compareTo);
    }
}
