// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.assessments.Trajectory;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.SessionSummaries;
import org.kapclinic.dosing.SessionSummaries.SessionSummary;
import org.kapclinic.dosing.SideEffect;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.PatientView;
import org.kapclinic.patients.Patients;
import org.kapclinic.safety.SafetyPlan;
import org.kapclinic.safety.SafetyPlans;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.scheduling.PatientAppointments;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.treatmentplans.TreatmentPlan;
import org.kapclinic.treatmentplans.TreatmentPlans;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient progress report as PDF (issue 8, ADR 025), in two versions: plain language for the patient, and for the
 * referring clinician with baselines, thresholds, doses and vitals excursions. A patient gets only their own; staff
 * only a patient they may open (care-team scope as the pages). Each report generated is audited with its audience.
 */
@Service
public class ProgressReports {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a",
            Locale.US);

    private final Patients patients;
    private final Assessments assessments;
    private final SessionSummaries sessions;
    private final TreatmentPlans plans;
    private final Appointments appointments;
    private final PatientAppointments ownAppointments;
    private final SafetyPlans safetyPlans;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ProgressReportPdf pdf;
    private final Clock clock;
    private final ZoneId zone;
    private final String clinicName;
    private final ProgressReport.Thresholds thresholds;

    ProgressReports(Patients patients, Assessments assessments, SessionSummaries sessions, TreatmentPlans plans,
            Appointments appointments, PatientAppointments ownAppointments, SafetyPlans safetyPlans,
            CurrentUser currentUser, AuditTrail audit, ProgressReportPdf pdf, Clock clock, Settings settings) {
        this.patients = patients;
        this.assessments = assessments;
        this.sessions = sessions;
        this.plans = plans;
        this.appointments = appointments;
        this.ownAppointments = ownAppointments;
        this.safetyPlans = safetyPlans;
        this.currentUser = currentUser;
        this.audit = audit;
        this.pdf = pdf;
        this.clock = clock;
        this.zone = settings.zone();
        this.clinicName = settings.clinicName();
        this.thresholds = settings.thresholds();
    }

    /** The clinic settings a report prints (the outcome thresholds are the ones the trajectories use). */
    @org.springframework.stereotype.Component
    static class Settings {
        private final ZoneId zone;
        private final String clinicName;
        private final ProgressReport.Thresholds thresholds;

        Settings(@Value("${kap.clinic.time-zone}") String zone, @Value("${kap.clinic.name}") String clinicName,
                @Value("${kap.outcomes.madrs-remission-at}") int madrs, @Value("${kap.outcomes.phq9-remission-below}") int phq9,
                @Value("${kap.outcomes.qids-remission-at}") int qids, @Value("${kap.outcomes.relapse-madrs-at}") int relapse) {
            this.zone = ZoneId.of(zone);
            this.clinicName = clinicName;
            this.thresholds = new ProgressReport.Thresholds(madrs, phq9, qids, relapse);
        }

        ZoneId zone() {
            return zone;
        }

        String clinicName() {
            return clinicName;
        }

        ProgressReport.Thresholds thresholds() {
            return thresholds;
        }
    }

    /** Staff: a patient they may open, in either version (a clinician may print the plain one to hand over). */
    @PreAuthorize("hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')")
    @Transactional // not read-only: every read is audited
    public byte[] forStaff(PatientId id, Audience audience) {
        var patient = patients.forCare(id);
        var trajectories = assessments.trajectories(id);
        var sessionList = sessions.forPatient(id);
        var plan = plans.plans(id).stream().filter(TreatmentPlan::open).findFirst().orElse(null);
        var next = appointments.forPatient(id).stream()
                .filter(a -> a.status() == Appointment.Status.BOOKED && a.startsAt().isAfter(clock.instant()))
                .min(Comparator.comparing(Appointment::startsAt));
        var safetyPlan = safetyPlans.latest(id, "progress report");
        return generate(audience, patient, trajectories, sessionList, plan, next, safetyPlan);
    }

    /** The signed-in patient's own report, in plain language. */
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional // not read-only: every read is audited
    public byte[] forSignedInPatient() {
        var patient = patients.ownRecord();
        var trajectories = assessments.ownTrajectories();
        var sessionList = sessions.own();
        var next = ownAppointments.upcoming().stream().findFirst();
        var safetyPlan = safetyPlans.own("progress report");
        return generate(Audience.PATIENT, patient, trajectories, sessionList, null, next, safetyPlan);
    }

    private byte[] generate(Audience audience, PatientView patient, List<Trajectory> trajectories,
            List<SessionSummary> sessionList, @Nullable TreatmentPlan plan, Optional<Appointment> next,
            Optional<SafetyPlan> safetyPlan) {
        boolean clinician = audience == Audience.CLINICIAN;
        var doses = sessionList.stream().filter(SessionSummary::dosed).map(SessionSummary::openedAt).toList();
        var measures = trajectories.stream().filter(t -> t.baseline() != null) // banded instruments (PHQ-9, MADRS...)
                .map(t -> new ProgressReport.Measure(t, TrajectorySvg.draw(t, doses, clinician, zone))).toList();
        Instant now = clock.instant();
        var report = new ProgressReport(audience, clinicName, WHEN.format(now.atZone(zone)),
                currentUser.get().displayName(), patient, measures, sessionList, sideEffects(sessionList), plan,
                next.map(a -> WHEN.format(a.startsAt().atZone(zone)) + " (" + a.type().label() + ")").orElse(null),
                safetyPlan.map(p -> DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)
                        .format(p.createdAt().atZone(zone))).orElse(null),
                thresholds);
        var bytes = pdf.render(report, zone);
        audit.record(AuditRecord.patient("PROGRESS_REPORT_GENERATED", patient.id().value())
                .withDetails("audience=" + audience.name().toLowerCase(Locale.ROOT) + ", " + measures.size()
                        + " instruments, " + sessionList.size() + " sessions"));
        return bytes;
    }

    private static List<ProgressReport.SideEffectCount> sideEffects(List<SessionSummary> sessionList) {
        var counts = new EnumMap<SideEffect, long[]>(SideEffect.class);
        var worst = new EnumMap<SideEffect, SideEffect.Severity>(SideEffect.class);
        for (var session : sessionList) {
            for (Map.Entry<SideEffect, SideEffect.Severity> e : session.sideEffects().entrySet()) {
                counts.computeIfAbsent(e.getKey(), k -> new long[1])[0]++;
                worst.merge(e.getKey(), e.getValue(), (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
            }
        }
        return counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<SideEffect, long[]> e) -> -e.getValue()[0]))
                .map(e -> new ProgressReport.SideEffectCount(e.getKey().label(), e.getValue()[0],
                        worst.get(e.getKey()).name().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
