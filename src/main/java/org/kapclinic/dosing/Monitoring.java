// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitoring checks during dosing and observation. Out-of-range values are flagged as the check is stored; possible
 * respiratory depression (MOAA/S <= 2, low SpO2, low respiratory rate) raises an urgent alert in the same transaction,
 * so it cannot be lost, and it stays on the board until a clinician acknowledges it.
 */
@Service
@Transactional
public class Monitoring {

    /** How far back a check may be entered late (documenting after the fact is normal; hours later is not). */
    static final Duration LATE_ENTRY = Duration.ofMinutes(60);

    private final SessionAccess access;
    private final DosingRepository repository;
    private final VitalsRules rules;
    private final ApplicationEventPublisher events;

    Monitoring(SessionAccess access, DosingSettings settings, ApplicationEventPublisher events) {
        this.access = access;
        this.repository = access.repository;
        this.rules = new VitalsRules(settings);
        this.events = events;
    }

    @PreAuthorize(SessionAccess.CLINICIANS)
    public Check record(UUID sessionId, CheckForm f) {
        var s = access.change(sessionId).session();
        if (s.status() != SessionStatus.DOSING && s.status() != SessionStatus.OBSERVING) {
            throw new IllegalStateException(s.status().active()
                    ? "Checks start with the dose; record pre-dose vitals at the gate."
                    : "This session has ended.");
        }
        if (f.moaas() != null && (f.moaas() < 0 || f.moaas() > 5)) {
            throw new IllegalArgumentException("moaas: MOAA/S is 0-5.");
        }
        if (f.vitals().systolic() == null && f.vitals().heartRate() == null && f.vitals().spo2() == null
                && f.vitals().respRate() == null && f.moaas() == null && f.dissociation() == null
                && f.sideEffects().isEmpty() && f.interventions().isEmpty() && (f.note() == null || f.note().isBlank())) {
            throw new IllegalArgumentException("systolic: the check is empty; record at least one reading.");
        }
        if (f.note() != null && f.note().strip().length() > 2000) {
            throw new IllegalArgumentException("note: use at most 2000 characters.");
        }
        var now = access.now();
        var taken = now;
        if (f.takenAt() != null) {
            taken = access.today().atTime(f.takenAt()).atZone(access.calendar().zone()).toInstant();
            if (taken.isAfter(now)) {
                throw new IllegalArgumentException("takenAt: a check cannot be in the future.");
            }
            if (taken.isBefore(now.minus(LATE_ENTRY)) || (s.doseStartedAt() != null && taken.isBefore(s.doseStartedAt()))) {
                throw new IllegalArgumentException("takenAt: enter a time after the dose started and within the last hour.");
            }
        }
        var preDose = repository.checks(s.id()).stream().filter(c -> c.phase() == Check.Phase.PRE_DOSE)
                .reduce((a, b) -> b).map(Check::vitals).orElse(null);
        var flags = rules.flags(f.vitals(), f.moaas(), f.dissociation(), preDose);
        var check = new Check(UUID.randomUUID(), s.id(), Check.Phase.MONITORING, taken, f.vitals(), f.moaas(),
                f.dissociation(), f.sideEffects(), f.interventions(), flags.stream().map(VitalsRules.Flag::text).toList(),
                f.note() == null || f.note().isBlank() ? null : f.note().strip(), now, access.user());
        repository.insertCheck(check);
        if (VitalsRules.urgent(flags)) {
            var detail = String.join("; ", flags.stream().filter(VitalsRules.Flag::urgent).map(VitalsRules.Flag::text)
                    .toList());
            repository.insertAlert(s.id(), check.id(), "RESPIRATORY_DEPRESSION", detail, now);
            access.audit("RESPIRATORY_DEPRESSION_ALERT_RAISED", s, detail);
            events.publishEvent(new DosingEvents.RespiratoryDepressionSuspected(s.id(), s.patientId().value(),
                    s.locationId(), detail, now));
        }
        access.audit("DOSING_CHECK_RECORDED", s, check.flags().isEmpty() ? "in range"
                : String.join("; ", check.flags()));
        return check;
    }

    /** A clinician acknowledges an urgent alert with what was done. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public void acknowledge(UUID sessionId, UUID alertId, @Nullable String response) {
        var s = access.change(sessionId).session();
        if (response == null || response.isBlank()) {
            throw new IllegalArgumentException("response: say what was done (e.g. stimulated, oxygen, airway).");
        }
        if (response.strip().length() > 1000) {
            throw new IllegalArgumentException("response: use at most 1000 characters.");
        }
        if (!repository.acknowledgeAlert(alertId, s.id(), response.strip(), access.now(), access.user())) {
            throw new IllegalStateException("This alert was already acknowledged.");
        }
        access.audit("RESPIRATORY_DEPRESSION_ALERT_ACKNOWLEDGED", s, response.strip());
    }

    /** The session's checks, oldest first. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public List<Check> checks(UUID sessionId) {
        var s = access.read(sessionId).session();
        access.audit("DOSING_CHECKS_VIEWED", s, "");
        return new ArrayList<>(repository.checks(s.id()));
    }
}
