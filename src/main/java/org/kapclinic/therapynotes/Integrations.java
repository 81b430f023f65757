// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.DosingEvents;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.treatmentplans.TreatmentPlans;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integration due. Every dosing session that gave a dose (discharged, discharged early, or left against advice) owes
 * the patient an integration session within the plan's window (the protocol's {@code integrationWithinHours}) or the
 * clinic's default ({@code kap.therapy-notes.integration-due-hours}, 72 h). The item is made in the transaction that
 * ended the session, so it is never lost; a signed integration note fulfils it at the time the session was held; a
 * therapist may close it as not needed with a reason. Overdue is computed against the clock: no job runs.
 */
@Service
@Transactional
public class Integrations {

    static final String THERAPISTS = "hasAnyRole('THERAPIST', 'PRESCRIBER')";
    /** End kinds after which a dose was given (DosingSession.EndKind names); NOT_DOSED owes nothing. */
    private static final List<String> DOSED = List.of("DISCHARGED", "DISCHARGED_EARLY", "LEFT_AMA");
    private static final int MAX_REASON = 1000;

    /** A row of the therapist's list: the item, its status now, and the patient's label. */
    public record Row(IntegrationItem item, IntegrationStatus status, String patientName, String mrn,
            @Nullable String therapistName) {}

    private final IntegrationRepository items;
    private final TreatmentPlans plans;
    private final PatientDirectory directory;
    private final Patients patients;
    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final TherapyNoteSettings settings;
    private final Clock clock;

    Integrations(IntegrationRepository items, TreatmentPlans plans, PatientDirectory directory, Patients patients,
            UserAccounts accounts, CurrentUser currentUser, AuditTrail audit, TherapyNoteSettings settings,
            Clock clock) {
        this.items = items;
        this.plans = plans;
        this.directory = directory;
        this.patients = patients;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    // --- made and fulfilled by events, inside the publisher's transaction ----------------------------------------

    @EventListener
    void on(DosingEvents.SessionEnded event) {
        if (!DOSED.contains(event.kind()) || items.existsForSession(event.sessionId())) {
            return;
        }
        var patient = new PatientId(event.patientId());
        var fromPlan = plans.integrationWithinHours(patient).filter(h -> h > 0);
        int hours = fromPlan.orElse(settings.integrationDueHours());
        var ended = event.at().truncatedTo(ChronoUnit.MICROS);
        var therapist = directory.careTeam(patient).map(PatientDirectory.CareTeam::therapistId).orElse(null);
        var item = new IntegrationItem(UUID.randomUUID(), patient.value(), event.sessionId(), ended,
                ended.plus(Duration.ofHours(hours)), hours, fromPlan.isPresent() ? IntegrationItem.WindowSource.PROTOCOL
                        : IntegrationItem.WindowSource.SETTING, therapist, IntegrationItem.State.OPEN, null, null, null,
                null, null, now());
        items.insert(item);
        audit.record(AuditRecord.patient("INTEGRATION_DUE_CREATED", patient.value())
                .about("IntegrationItem", item.id().toString())
                .withDetails("session " + event.sessionId() + ", due within " + hours + " h"));
    }

    /**
     * A signed integration note fulfils the item of the dosing session it names; one that names none fulfils the
     * patient's oldest open item whose session ended before the integration session was held.
     */
    @EventListener
    void on(NoteEvents.NoteSigned event) {
        if (!"INTEGRATION".equals(event.type())) {
            return;
        }
        var held = event.heldAt().truncatedTo(ChronoUnit.MICROS);
        var item = event.dosingSessionId() != null ? items.openForSession(event.dosingSessionId())
                : items.oldestOpen(event.patientId(), held);
        item.filter(i -> items.markDone(i.id(), held, event.noteId())).ifPresent(i -> audit.record(
                AuditRecord.patient("INTEGRATION_DONE", i.patientId()).about("IntegrationItem", i.id().toString())
                        .withDetails((held.isAfter(i.dueAt()) ? "late" : "on time") + ", note " + event.noteId())));
    }

    // --- clinicians --------------------------------------------------------------------------------------------

    /**
     * Open items, and those due, held or closed in the range: the signed-in therapist's own, or the clinic's when
     * {@code all} (under care-team-only access, only patients whose care team the reader is on). The read is audited
     * once.
     */
    @PreAuthorize(THERAPISTS)
    @Transactional
    public List<Row> list(boolean all, Instant from, Instant to) {
        var me = currentUser.get().id().value();
        var found = items.list(all ? null : me, from, to);
        var labels = directory.labels(IntegrationRepository.patients(found));
        var names = accounts.displayNames(found.stream().map(IntegrationItem::therapistId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        boolean careTeamOnly = all && patients.careTeamOnly();
        var now = clock.instant();
        var rows = new ArrayList<Row>();
        for (var item : found) {
            var label = labels.get(item.patientId());
            if (label == null || (careTeamOnly && !me.equals(label.careTeam().therapistId())
                    && !me.equals(label.careTeam().prescriberId()))) {
                continue;
            }
            rows.add(new Row(item, item.statusAt(now), label.name(), label.mrn(),
                    item.therapistId() == null ? null : names.get(item.therapistId())));
        }
        audit.record(AuditRecord.success("INTEGRATIONS_LISTED").withDetails((all ? "clinic" : "mine") + ", "
                + rows.size() + " items"));
        return rows;
    }

    /** The clinic's on-time rate for items due in the range, with each therapist's (counts only, no patient). */
    @PreAuthorize(THERAPISTS)
    @Transactional(readOnly = true)
    public OnTimeRate.Report onTimeRate(Instant from, Instant to) {
        return OnTimeRate.of(items.dueBetween(from, to), clock.instant(), from, to);
    }

    /** Display names of therapists named in a report. */
    @PreAuthorize(THERAPISTS)
    @Transactional(readOnly = true)
    public Map<UUID, String> therapistNames(List<UUID> ids) {
        return accounts.displayNames(ids);
    }

    /** Closes an open item as not needed (e.g. the patient declined), with the reason; audited. */
    @PreAuthorize(THERAPISTS)
    public void closeNotNeeded(UUID itemId, @Nullable String reason) {
        var item = items.find(itemId).orElseThrow(() -> new IllegalArgumentException("That integration item does not"
                + " exist."));
        patients.forCare(new PatientId(item.patientId()));
        var why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("reason: say why no integration session is needed.");
        }
        if (why.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason: at most " + MAX_REASON + " characters (you wrote "
                    + why.length() + ").");
        }
        if (!items.closeNotNeeded(itemId, why, currentUser.name(), now())) {
            throw new IllegalStateException("This integration item is no longer open: it is "
                    + item.statusAt(clock.instant()).label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        audit.record(AuditRecord.patient("INTEGRATION_NOT_NEEDED", item.patientId())
                .about("IntegrationItem", itemId.toString()).withDetails(why));
    }

    /** My open items: {due, overdue} now (the home card; counts only). */
    @Transactional(readOnly = true)
    long[] openCounts(UUID therapist) {
        return items.openCounts(therapist, clock.instant());
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
