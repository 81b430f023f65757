// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapclinic.dosing.rems.RemsMonitoringForms;
import org.kapclinic.dosing.rems.RemsSettings;
import org.kapclinic.eligibility.Evaluations;
import org.kapclinic.eligibility.Medications;
import org.kapclinic.patients.PatientView;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.springframework.stereotype.Component;

/**
 * Fills the REMS Patient Monitoring Form when an outpatient esketamine session ends (discharged or left against
 * advice), in the same transaction, so the 7-day clock starts with the session. Refilling keeps what a clinician
 * entered.
 */
@Component
class RemsReporting {

    private final DosingRepository repository;
    private final RemsMonitoringForms forms;
    private final RemsSettings settings;
    private final Medications medications;
    private final Evaluations evaluations;
    private final UserAccounts accounts;
    private final CheckClock clock;

    RemsReporting(DosingRepository repository, RemsMonitoringForms forms, RemsSettings settings,
            Medications medications, Evaluations evaluations, UserAccounts accounts, DosingSettings dosing) {
        this.repository = repository;
        this.forms = forms;
        this.settings = settings;
        this.medications = medications;
        this.evaluations = evaluations;
        this.accounts = accounts;
        this.clock = new CheckClock(dosing);
    }

    void sessionEnded(DosingSession s, PatientView patient, java.time.ZoneId zone) {
        if (!s.esketamine() || s.doseStartedAt() == null) {
            return;
        }
        var classes = medications.lists(s.patientId()).medications().stream().filter(m -> m.active())
                .flatMap(m -> m.classes().stream()).collect(Collectors.toSet());
        var enrolled = evaluations.summary(s.patientId()).map(e -> e.evaluation().remsEnrolledOn()).orElse(null);
        boolean first = repository.forPatient(s.patientId()).stream()
                .noneMatch(x -> x.esketamine() && x.status().dosed() && !x.id().equals(s.id())
                        && x.doseStartedAt() != null && x.doseStartedAt().isBefore(s.doseStartedAt()));
        var phone = settings.certificationFor(s.locationId()).map(c -> c.phone()).orElse(null);
        var hcp = hcp(s.dose() == null ? null : s.dose().observedBy(), phone);
        var facts = PmfFacts.of(s, patient, classes, first, enrolled, hcp, repository.checks(s.id()),
                repository.devices(s.id()).size(), repository.alerts(java.util.List.of(s.id())), clock, zone);
        forms.fill(s.id(), s.patientId(), s.locationId(), s.doseStartedAt().atZone(zone).toLocalDate(), facts);
    }

    /** The observing clinician, from the name on the administration record (the clinic's phone as a contact). */
    private PmfFacts.@Nullable Hcp hcp(@Nullable String observedBy, @Nullable String phone) {
        if (observedBy == null) {
            return null;
        }
        var account = java.util.stream.Stream.concat(accounts.withRole(Role.NURSE).stream(),
                        accounts.withRole(Role.PRESCRIBER).stream())
                .filter(a -> a.displayName().equals(observedBy)).findFirst();
        var name = observedBy.split(",")[0].strip();
        int space = name.lastIndexOf(' ');
        var first = space > 0 ? name.substring(0, space) : name;
        var last = space > 0 ? name.substring(space + 1) : "";
        return new PmfFacts.Hcp(first, last, account.map(a -> a.email()).orElse(null), phone);
    }
}
