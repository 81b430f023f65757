// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's entry point for the dosing module: what can be drawn at a location, a draw for a dosing session, a
 * witnessed waste of what was left, and a session's entries. Nurses and prescribers record; admins read.
 * Refusals are {@code IllegalArgumentException("field: message")} (quantity, lot, witnessEmail, ...).
 */
@Service
@Transactional
public class ControlledSubstances {

    static final String RECORDERS = "hasAnyRole('NURSE', 'PRESCRIBER')";
    static final String VIEWERS = "hasAnyRole('ADMIN', 'NURSE', 'PRESCRIBER')";

    private final Recording recording;
    private final Witnesses witnesses;
    private final Patients patients;

    ControlledSubstances(Recording recording, Witnesses witnesses, Patients patients) {
        this.recording = recording;
        this.witnesses = witnesses;
        this.patients = patients;
    }

    /** Lots with stock at the location that have not expired (today in the clinic's zone), soonest expiry first. */
    @PreAuthorize(VIEWERS)
    @Transactional(readOnly = true)
    public List<LotOnHand> onHand(UUID locationId) {
        var today = recording.today();
        return recording.store().balancesAt(locationId).stream()
                .filter(b -> b.balance().signum() > 0 && !b.lot().expiredOn(today))
                .sorted(Comparator.comparing((LedgerStore.LotBalance b) -> b.lot().expiry())
                        .thenComparing(b -> b.lot().product().name()).thenComparing(b -> b.lot().lotNumber()))
                .map(b -> {
                    var p = b.lot().product();
                    return new LotOnHand(b.lot().id(), p.id(), p.name(), p.substance(), p.unit().label(), p.mgPerUnit(),
                            b.lot().lotNumber(), b.lot().expiry(), locationId, b.balance());
                })
                .toList();
    }

    /**
     * Records a draw of {@code quantity} (in the product's unit) from a lot at a location for a dosing session, by the
     * signed-in clinician, who administers it (21 CFR 1304.22(c)). Runs in the caller's transaction. Refuses an
     * expired lot, more than the balance, a location whose ledger has not started, and a patient the caller may not
     * see. Returns the entry's id.
     */
    @PreAuthorize(RECORDERS)
    @Transactional(propagation = Propagation.REQUIRED)
    public UUID drawForSession(UUID sessionId, PatientId patient, UUID locationId, UUID lotId, BigDecimal quantity,
            @Nullable String note) {
        Objects.requireNonNull(sessionId, "sessionId");
        forCare(patient);
        var place = recording.started(locationId, "location");
        var lot = recording.lot(lotId, "lot");
        LedgerRules.usable(lot.expiry(), recording.today(), lot.lotNumber());
        var m = Movement.of(EntryKind.DRAW, lot.id(), place.id(), quantity, recording.today(), recording.actor())
                .forSession(sessionId, patient.value())
                .with(Entry.Details.note(Recording.optional(note, "note", 1000)));
        var entry = recording.append(m, lot);
        recording.audited(entry, lot, place.name());
        return entry.id();
    }

    /**
     * Checks a witness's own email and password, for a waste about to be recorded. Must be called outside a
     * transaction (a failed attempt's throttle count and audit entry are kept), so call it before opening one; the
     * signature is valid for {@code kap.controlled-substances.witness-signature-validity}. Refuses the signed-in user
     * as their own witness, a disabled account, a wrong password and a role that may not witness.
     */
    @PreAuthorize(RECORDERS)
    @Transactional(propagation = Propagation.NEVER)
    public WitnessSignature verifyWitness(@Nullable String email, @Nullable String password) {
        return witnesses.verify(recording.user(), email, password);
    }

    /**
     * Records the witnessed waste of {@code quantity} from a lot at a location after a dosing session (the remainder
     * of a vial, a dropped device), with the reason and the witness's signature. Runs in the caller's transaction.
     */
    @PreAuthorize(RECORDERS)
    @Transactional(propagation = Propagation.REQUIRED)
    public UUID wasteForSession(UUID sessionId, PatientId patient, UUID locationId, UUID lotId, BigDecimal quantity,
            String reason, WitnessSignature witness) {
        Objects.requireNonNull(sessionId, "sessionId");
        forCare(patient);
        return waste(locationId, lotId, quantity, reason, witness, sessionId, patient.value()).id();
    }

    /** Waste with or without a session: shared by the dosing API and the ledger's own waste form. */
    Entry waste(@Nullable UUID locationId, @Nullable UUID lotId, @Nullable BigDecimal quantity, @Nullable String reason,
            WitnessSignature witness, @Nullable UUID sessionId, @Nullable UUID patientId) {
        var place = recording.started(locationId, "location");
        var lot = recording.lot(lotId, "lot");
        var why = Recording.required(reason, "reason", 1000, "say why it was wasted (for example, remainder of the vial).");
        if (quantity == null) {
            throw new IllegalArgumentException("quantity: give the quantity wasted.");
        }
        witnesses.check(witness, recording.user());
        var m = Movement.of(EntryKind.WASTE, lot.id(), place.id(), quantity, recording.today(), recording.actor())
                .witnessedBy(new Movement.Actor(witness.email(), witness.name()))
                .forSession(sessionId, patientId)
                .with(Entry.Details.note(why));
        var entry = recording.append(m, lot);
        recording.audited(entry, lot, place.name());
        return entry;
    }

    /** The draws and waste linked to a dosing session, oldest first. Audited as a read of the session's patients. */
    @PreAuthorize(VIEWERS)
    public List<Entry> forSession(UUID sessionId) {
        var entries = recording.store().forSession(sessionId);
        var patientsShown = new LinkedHashSet<UUID>();
        entries.stream().map(Entry::patientId).filter(Objects::nonNull).forEach(patientsShown::add);
        for (var p : patientsShown) {
            recording.audit(new AuditRecord("CS_SESSION_ENTRIES_VIEWED", AuditRecord.Outcome.SUCCESS, p,
                    "DosingSession", sessionId.toString(), entries.size() + " entries"));
        }
        return entries;
    }

    private void forCare(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        if (patients.forCare(patient).voided()) {
            throw new IllegalArgumentException("patient: this patient's record is voided.");
        }
    }
}
