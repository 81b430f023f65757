// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discharge after the minimum observation time. Esketamine: 120 minutes from the first device, which nobody can
 * waive (label, REFERENCE 1.3). Other routes: the protocol's minutes, or earlier with a prescriber's approval and a
 * reason. A patient cannot be held against their will: leaving early is recorded as against medical advice with the
 * actual minutes, and the REMS form reports it.
 */
@Service
@Transactional
public class Discharges {

    public record DischargeForm(Set<DischargeCriterion> criteria, @Nullable String escort, @Nullable LocalTime readyAt,
            @Nullable String note, @Nullable String earlyReason) {}

    private final SessionAccess access;
    private final DosingRepository repository;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final RemsReporting rems;

    Discharges(SessionAccess access, CurrentUser currentUser, ApplicationEventPublisher events, RemsReporting rems) {
        this.rems = rems;
        this.access = access;
        this.repository = access.repository;
        this.currentUser = currentUser;
        this.events = events;
    }

    @PreAuthorize(SessionAccess.CLINICIANS)
    public DosingSession discharge(UUID sessionId, DischargeForm f) {
        var opened = access.change(sessionId);
        var s = opened.session();
        if (s.status() != SessionStatus.OBSERVING) {
            throw new IllegalStateException(s.status() == SessionStatus.DOSING ? "Dosing is still under way."
                    : "Only a patient under observation after the dose can be discharged.");
        }
        var now = access.now();
        long minutes = s.minutesSinceDose(now);
        int minimum = s.minimumObservationMinutes();
        String approvedBy = null;
        var kind = DosingSession.EndKind.DISCHARGED;
        if (minutes < minimum) {
            var at = Administrations.time(s.doseStartedAt().plusSeconds(60L * minimum), access.calendar().zone());
            if (s.esketamine()) {
                throw new IllegalStateException("Esketamine needs at least " + minimum + " minutes of observation from"
                        + " the first device; " + minutes + " so far (discharge from " + at + "). This cannot be waived."
                        + " A patient who insists on leaving is recorded as leaving against medical advice.");
            }
            if (f.earlyReason() == null || f.earlyReason().isBlank()) {
                throw new IllegalArgumentException("earlyReason: " + minutes + " of " + minimum + " minutes observed"
                        + " (discharge from " + at + "). A prescriber may approve an earlier discharge with a reason.");
            }
            if (!currentUser.get().hasRole(Role.PRESCRIBER)) {
                throw new IllegalArgumentException("earlyReason: only a prescriber can approve an earlier discharge.");
            }
            approvedBy = access.user();
            kind = DosingSession.EndKind.DISCHARGED_EARLY;
        }
        var missing = EnumSet.allOf(DischargeCriterion.class);
        missing.removeAll(f.criteria());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("criteria: not yet met: " + missing.stream().map(DischargeCriterion::label)
                    .collect(Collectors.joining("; ")) + ".");
        }
        var openAlerts = repository.alerts(java.util.List.of(s.id())).stream().filter(UrgentAlert::open)
                .count();
        if (openAlerts > 0) {
            throw new IllegalStateException("Acknowledge the urgent alert before discharge.");
        }
        var last = repository.checks(s.id()).stream().filter(c -> c.phase() == Check.Phase.MONITORING)
                .reduce((a, b) -> b).orElse(null);
        if (last == null) {
            throw new IllegalArgumentException("criteria: record a check before discharge.");
        }
        if (last.moaas() == null || last.moaas() != 5) {
            throw new IllegalArgumentException("criteria: MOAA/S at the last check is " + (last.moaas() == null
                    ? "not recorded" : last.moaas()) + "; record a check with MOAA/S 5 first.");
        }
        if (last.vitals().systolic() == null) {
            throw new IllegalArgumentException("criteria: record a blood pressure before discharge.");
        }
        if (last.flagged()) {
            throw new IllegalArgumentException("criteria: the last check is out of range (" + String.join("; ",
                    last.flags()) + "); record a check in range first.");
        }
        var escort = f.escort() == null ? "" : f.escort().strip();
        if (escort.isEmpty() || escort.length() > 200) {
            throw new IllegalArgumentException("escort: name who is taking the patient home (at most 200 characters).");
        }
        var ready = readyAt(s, f.readyAt(), now);
        var columns = new HashMap<String, @Nullable Object>();
        columns.put("status", SessionStatus.DISCHARGED.name());
        columns.put("end_kind", kind.name());
        columns.put("ended_at", now);
        columns.put("ended_by", access.user());
        columns.put("ready_at", ready);
        columns.put("criteria", f.criteria().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        columns.put("escort", escort);
        columns.put("end_note", note(s, f.note(), kind == DosingSession.EndKind.DISCHARGED_EARLY ? "Earlier discharge"
                + " approved: " + f.earlyReason().strip() : null));
        columns.put("early_approved_by", approvedBy);
        repository.update(s, columns);
        access.audit("DOSING_DISCHARGED", s, minutes + " minutes observed" + (approvedBy == null ? ""
                : ", earlier discharge approved by " + approvedBy));
        events.publishEvent(new DosingEvents.SessionEnded(s.id(), s.patientId().value(), kind.name(), now));
        var ended = repository.find(s.id()).orElseThrow();
        rems.sessionEnded(ended, opened.patient(), access.calendar().zone());
        return ended;
    }

    /** The patient leaves before discharge, against medical advice; the actual minutes are kept. */
    @PreAuthorize(SessionAccess.CLINICIANS)
    public DosingSession leftAgainstAdvice(UUID sessionId, @Nullable String note) {
        var opened = access.change(sessionId);
        var s = opened.session();
        if (s.status() != SessionStatus.DOSING && s.status() != SessionStatus.OBSERVING) {
            throw new IllegalStateException("Only a dosed patient who has not been discharged can leave against advice.");
        }
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("note: record what the patient was told and who they left with.");
        }
        if (note.strip().length() > 2000) {
            throw new IllegalArgumentException("note: use at most 2000 characters.");
        }
        var now = access.now();
        var columns = new HashMap<String, @Nullable Object>();
        columns.put("status", SessionStatus.LEFT_AMA.name());
        columns.put("end_kind", DosingSession.EndKind.LEFT_AMA.name());
        columns.put("ended_at", now);
        columns.put("ended_by", access.user());
        columns.put("end_note", note(s, note, null));
        if (s.dose() != null && s.dose().endedAt() == null) {
            columns.put("dose_ended_at", now);
        }
        repository.update(s, columns);
        access.audit("DOSING_LEFT_AGAINST_ADVICE", s, s.minutesSinceDose(now) + " minutes observed");
        events.publishEvent(new DosingEvents.SessionEnded(s.id(), s.patientId().value(), "LEFT_AMA", now));
        var ended = repository.find(s.id()).orElseThrow();
        rems.sessionEnded(ended, opened.patient(), access.calendar().zone());
        return ended;
    }

    private Instant readyAt(DosingSession s, @Nullable LocalTime time, Instant now) {
        if (time == null) {
            return now;
        }
        var at = access.today().atTime(time).atZone(access.calendar().zone()).toInstant();
        if (at.isAfter(now) || at.isBefore(s.doseStartedAt())) {
            throw new IllegalArgumentException("readyAt: enter a time between the dose and now.");
        }
        return at;
    }

    private static @Nullable String note(DosingSession s, @Nullable String typed, @Nullable String extra) {
        var parts = new java.util.ArrayList<String>();
        var existing = s.end() == null ? null : s.end().note();
        if (existing != null) {
            parts.add(existing);
        }
        if (typed != null && !typed.isBlank()) {
            parts.add(typed.strip());
        }
        if (extra != null) {
            parts.add(extra);
        }
        var text = String.join("\n", parts);
        if (text.length() > 2000) {
            throw new IllegalArgumentException("note: use at most 2000 characters.");
        }
        return text.isEmpty() ? null : text;
    }
}
