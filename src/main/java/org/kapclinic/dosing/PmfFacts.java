// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kapclinic.eligibility.DrugClass;
import org.kapclinic.patients.PatientView;
import org.kapclinic.patients.SexAssignedAtBirth;

/**
 * What a finished esketamine session says on the REMS Patient Monitoring Form (REFERENCE.md 2.3), as the form's fact
 * keys, pure. Only what the record shows is filled: the serious-adverse-event question is left for the clinician to
 * answer, and a fact the session does not hold is left out so the form asks for it.
 */
final class PmfFacts {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** The monitoring clinician: first and last name and email, when known. */
    record Hcp(String firstName, String lastName, @Nullable String email, @Nullable String phone) {}

    private PmfFacts() {}

    static Map<String, String> of(DosingSession s, PatientView patient, Set<DrugClass> activeClasses,
            boolean firstTreatment, java.time.@Nullable LocalDate enrolledOn, @Nullable Hcp hcp, List<Check> checks,
            int devicesGiven, List<UrgentAlert> alerts, CheckClock clock, ZoneId zone) {
        var f = new LinkedHashMap<String, String>();
        var d = patient.details();
        f.put("patient.firstName", d.legalGivenName());
        f.put("patient.lastName", d.legalFamilyName());
        f.put("patient.birthDate", String.valueOf(d.dateOfBirth()));
        f.put("patient.sex", d.sexAssignedAtBirth() == SexAssignedAtBirth.FEMALE ? "female"
                : d.sexAssignedAtBirth() == SexAssignedAtBirth.MALE ? "male" : "other");
        f.put("meds.benzodiazepines", yes(activeClasses.contains(DrugClass.BENZODIAZEPINE)));
        f.put("meds.nonBenzodiazepineHypnotics", yes(activeClasses.contains(DrugClass.NON_BENZODIAZEPINE_HYPNOTIC)));
        f.put("meds.psychostimulants", yes(activeClasses.contains(DrugClass.PSYCHOSTIMULANT)));
        f.put("meds.maois", yes(activeClasses.contains(DrugClass.MAOI)));
        f.put("meds.opioids", yes(activeClasses.contains(DrugClass.OPIOID)));
        if (hcp != null) {
            f.put("hcp.firstName", hcp.firstName());
            f.put("hcp.lastName", hcp.lastName());
            if (hcp.email() != null) {
                f.put("hcp.email", hcp.email());
            }
            if (hcp.phone() != null) {
                f.put("hcp.phone", hcp.phone());
            }
        }
        f.put("session.firstTreatment", yes(firstTreatment));
        f.put("session.patientEnrolled", yes(enrolledOn != null));
        if (enrolledOn != null) {
            f.put("session.enrolledOn", enrolledOn.toString());
        }
        var start = s.doseStartedAt();
        var dose = s.dose();
        if (start == null || dose == null || s.end() == null) {
            return f;
        }
        f.put("session.date", start.atZone(zone).toLocalDate().toString());
        f.put("session.doseMg", DoseMath.plain(dose.mg()));
        f.put("session.devices", Integer.toString(devicesGiven));
        f.put("session.lot", dose.lotNumber());
        f.put("session.firstDeviceAt", HH_MM.format(start.atZone(zone)));
        f.put("session.totalMonitoringMinutes", Long.toString(minutes(start, s.end().at())));
        var ready = s.end().readyAt() == null ? s.end().at() : s.end().readyAt();
        f.put("session.readyToLeaveMinutes", Long.toString(minutes(start, ready)));
        f.put("session.leftAgainstMedicalAdvice", yes(s.end().kind() == DosingSession.EndKind.LEFT_AMA));

        var pre = checks.stream().filter(c -> c.phase() == Check.Phase.PRE_DOSE).reduce((a, b) -> b).orElse(null);
        var post = checks.stream().filter(c -> c.phase() == Check.Phase.MONITORING).toList();
        var withBp = post.stream().filter(c -> c.vitals().systolic() != null).toList();
        var last = withBp.isEmpty() ? null : withBp.get(withBp.size() - 1);
        if (pre != null) {
            f.put("vitals.acceptableBeforeAdministration", yes(pre.flags().isEmpty()));
            f.put("bp.beforeAdministration", pre.vitals().bloodPressure());
        }
        if (last != null) {
            f.put("vitals.acceptableBeforeCompletion", yes(last.flags().isEmpty()));
            f.put("bp.beforeCompletion", last.vitals().bloodPressure());
        }
        var forty = start.plus(Duration.ofMinutes(40));
        withBp.stream().filter(c -> clock.fortyMinuteCheckTaken(start, List.of(c.takenAt())))
                .min(Comparator.comparing(c -> Duration.between(forty, c.takenAt()).abs()))
                .ifPresent(c -> f.put("bp.at40Minutes", c.vitals().bloodPressure()));
        var oximetry = checks.stream().map(c -> c.vitals().spo2()).filter(java.util.Objects::nonNull).toList();
        f.put("pulseOximetry.checked", yes(!oximetry.isEmpty()));
        oximetry.stream().min(Integer::compare).ifPresent(v -> f.put("pulseOximetry.lowest", v.toString()));
        var lastMoaas = post.stream().map(Check::moaas).filter(java.util.Objects::nonNull).reduce((a, b) -> b);
        boolean sedated = post.stream().anyMatch(c -> c.moaas() != null && c.moaas() <= 3);
        f.put("sedation.occurred", yes(sedated));
        if (sedated) {
            f.put("sedation.resolved", yes(lastMoaas.map(m -> m == 5).orElse(false)));
        }
        boolean dissociated = post.stream().anyMatch(c -> (c.dissociation() != null && c.dissociation() != Dissociation.NONE)
                || c.sideEffects().containsKey(SideEffect.DISSOCIATION));
        f.put("dissociation.occurred", yes(dissociated));
        if (dissociated) {
            var lastRated = post.stream().filter(c -> c.dissociation() != null).reduce((a, b) -> b);
            f.put("dissociation.resolved", yes(lastRated.map(c -> c.dissociation() == Dissociation.NONE
                    && !c.sideEffects().containsKey(SideEffect.DISSOCIATION)).orElse(false)));
        }
        f.put("respiratoryDepression.occurred", yes(!alerts.isEmpty()));
        if (!alerts.isEmpty()) {
            f.put("respiratoryDepression.resolved", yes(alerts.stream().noneMatch(UrgentAlert::open)));
        }
        return f;
    }

    private static long minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes();
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}
