// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.dosing.rems.FormRepository.StoredChange;
import org.kapclinic.dosing.rems.FormRepository.StoredForm;
import org.kapclinic.dosing.rems.FormRepository.StoredValue;
import org.kapclinic.dosing.rems.PatientMonitoringForm.ChangeKind;
import org.kapclinic.dosing.rems.PatientMonitoringForm.Revision;
import org.kapclinic.dosing.rems.PatientMonitoringForm.Submission;
import org.kapclinic.patients.PatientId;
import org.kapclinic.web.FormValues;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SPRAVATO REMS Patient Monitoring Form of each outpatient esketamine session (REFERENCE.md 2.3): the dosing
 * session fills it from its record; a nurse or prescriber completes, signs and records its submission to the REMS,
 * which is due 7 calendar days after the treatment (2.1/2.2). A signed form is locked: a correction is an amendment, a
 * new signed revision with its reason. Every read and change is audited in the same transaction.
 */
@Service
@Transactional
public class RemsMonitoringForms {

    private final FormFiller filler;
    private final DraftEntries entries;
    private final FormRepository repository;
    private final FormDefinitions definitions;
    private final FormReader reader;
    private final FormAccess access;
    private final Clock clock;

    RemsMonitoringForms(FormFiller filler, DraftEntries entries, FormRepository repository,
            FormDefinitions definitions, FormReader reader, FormAccess access, Clock clock) {
        this.filler = filler;
        this.entries = entries;
        this.repository = repository;
        this.definitions = definitions;
        this.reader = reader;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Creates the PMF for an outpatient esketamine session, or refreshes its automatic values; a clinician's entries
     * are kept, and a signed form's values are not changed (differences are shown on it for an amendment). Runs in
     * the caller's transaction. The deadline is {@code treatmentDate} + {@code kap.rems.submission-days} (7) calendar
     * days (REFERENCE.md 2.1/2.2). The form version is the one in effect on the treatment date.
     *
     * <p>{@code facts} holds the session's values under the keys the form definitions name ({@code patient.firstName},
     * {@code session.doseMg}, ...). A key with a blank value says the value is unknown; a key that is absent leaves
     * what an earlier call filled (nothing, the first time): the field is left for the clinician. The setting's name,
     * address and certification ID come from {@link RemsSettings}. No role check here: the dosing module calls it from
     * its own authorized entry points.
     */
    public void fill(UUID sessionId, PatientId patient, UUID locationId, LocalDate treatmentDate,
            Map<String, String> facts) {
        filler.fill(sessionId, patient, locationId, treatmentDate, facts);
    }

    /** The session's form, if one was created; nurses and prescribers who may see the patient, and admins. Audited. */
    @PreAuthorize(FormAccess.READERS)
    @Transactional // not read-only: the read is audited
    public Optional<PatientMonitoringForm> find(UUID sessionId) {
        return open(sessionId, "REMS_FORM_VIEWED");
    }

    /** As {@link #find}, audited as printed (the PDF). */
    @PreAuthorize(FormAccess.READERS)
    @Transactional
    public Optional<PatientMonitoringForm> print(UUID sessionId) {
        return open(sessionId, "REMS_FORM_PRINTED");
    }

    private Optional<PatientMonitoringForm> open(UUID sessionId, String action) {
        var form = repository.bySession(sessionId, false);
        form.ifPresent(f -> {
            access.checkRead(f.patientId());
            access.record(FormAccess.entry(action, f.patientId(), sessionId, "revision " + f.revision()));
        });
        return form.map(reader::read);
    }

    /**
     * Saves what a clinician typed on a draft; only fields changed on the page count ({@link Edits}). Replacing a value
     * from the session record needs a reason. Refuses every invalid value at once ({@link InvalidEntries}), saving
     * nothing.
     */
    @PreAuthorize(FormAccess.CLINICIANS)
    public PatientMonitoringForm enter(UUID sessionId, Edits edits) {
        var form = openForChange(sessionId);
        if (form.status() != FormStatus.DRAFT) {
            throw new IllegalStateException("This form is signed and locked. Correct it with an amendment, which keeps "
                    + "the signed revision and records why.");
        }
        filler.refreshSettings(form);
        var changed = entries.apply(form, edits);
        if (!changed.isEmpty()) {
            access.record(FormAccess.entry("REMS_FORM_SAVED", form.patientId(), sessionId, "fields: "
                    + String.join(",", changed)));
        }
        return reader.read(reload(sessionId));
    }

    /**
     * Saves the clinician's last changes and signs the form, which locks it. Refuses ({@link FormIncomplete}, naming
     * each missing field) while a required field is missing or a rule is not met, and when the form changed since the
     * page was opened ({@code version}); nothing is saved then.
     */
    @PreAuthorize(FormAccess.CLINICIANS)
    public PatientMonitoringForm sign(UUID sessionId, Edits edits, long version) {
        var form = openForChange(sessionId);
        if (form.status() != FormStatus.DRAFT) {
            throw new IllegalStateException("This form is already signed (revision " + form.revision()
                    + "). Correct it with an amendment.");
        }
        requireVersion(form, version);
        filler.refreshSettings(form);
        entries.apply(form, edits);
        form = reload(sessionId);
        var definition = definitions.stored(form.formVersion());
        var values = FormReader.effective(repository.values(form.id()));
        var check = FormCheck.of(definition, values);
        if (!check.signable()) {
            throw new FormIncomplete(check);
        }
        var now = FormFiller.now(clock);
        repository.addRevision(form.id(), new Revision(1, values, List.of(), null, now, access.by(), access.byName()));
        repository.save(with(form, FormStatus.SIGNED, 1, form.firstSubmittedOn(), form.submittedRevision()), now, access.by());
        access.record(FormAccess.entry("REMS_FORM_SIGNED", form.patientId(), sessionId, "revision 1, form version "
                + form.formVersion()));
        return reader.read(reload(sessionId));
    }

    /**
     * Corrects a signed form: a new signed revision with the changed values and the reason; the earlier revisions,
     * and any submission of them, stay. A form that was already submitted must then be sent again.
     */
    @PreAuthorize(FormAccess.CLINICIANS)
    public PatientMonitoringForm amend(UUID sessionId, Edits edits, long version) {
        var form = openForChange(sessionId);
        if (form.status() == FormStatus.DRAFT) {
            throw new IllegalStateException("This form is not signed yet: change it and sign it.");
        }
        requireVersion(form, version);
        var definition = definitions.stored(form.formVersion());
        var revisions = repository.revisions(form.id());
        var base = revisions.get(revisions.size() - 1).values();
        var errors = new LinkedHashMap<String, String>();
        var amended = new LinkedHashMap<String, @Nullable String>();
        for (var e : edits.changed().entrySet()) {
            var field = definition.field(e.getKey()).orElse(null);
            if (field == null) {
                continue;
            }
            try {
                var value = FieldValues.normalise(field, e.getValue());
                if (!Objects.equals(value, base.get(field.key()))) {
                    amended.put(field.key(), value);
                }
            } catch (IllegalArgumentException x) {
                errors.put(field.key(), x.getMessage());
            }
        }
        var reason = edits.reasonText();
        if (reason.isEmpty() || reason.length() > 1000) {
            errors.put("amendmentReason", "Say why the signed form is corrected (at most 1000 characters).");
        }
        if (amended.isEmpty() && errors.isEmpty()) {
            errors.put("amendmentReason", "Nothing was changed: change at least one value to amend the form.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntries(errors);
        }
        var values = new LinkedHashMap<String, String>(base);
        amended.forEach((k, v) -> {
            if (v == null) {
                values.remove(k);
            } else {
                values.put(k, v);
            }
        });
        var check = FormCheck.of(definition, values);
        if (!check.signable()) {
            throw new FormIncomplete(check);
        }
        int revision = form.revision() + 1;
        var now = FormFiller.now(clock);
        var by = access.by();
        repository.addRevision(form.id(), new Revision(revision, values, List.copyOf(amended.keySet()), reason, now, by,
                access.byName()));
        var working = repository.values(form.id());
        amended.forEach((key, value) -> {
            var row = working.get(key);
            var current = row == null ? StoredValue.empty(key) : row;
            var entry = Objects.equals(current.autoValue(), value) ? current.restored()
                    : current.entered(value, by, now, reason);
            repository.saveValue(form.id(), entry, row != null);
            repository.addChange(form.id(), new StoredChange(revision, key, ChangeKind.AMENDED, base.get(key), value,
                    reason, now, by));
        });
        repository.save(with(form, FormStatus.SIGNED, revision, form.firstSubmittedOn(), form.submittedRevision()), now, by);
        access.record(FormAccess.entry("REMS_FORM_AMENDED", form.patientId(), sessionId, "revision " + revision
                + ", fields: " + String.join(",", amended.keySet())));
        return reader.read(reload(sessionId));
    }

    /**
     * Records that the latest signed revision reached the REMS: the date, portal or fax, and the confirmation number.
     * A first submission after the due date is kept as late.
     */
    @PreAuthorize(FormAccess.CLINICIANS)
    public PatientMonitoringForm recordSubmission(UUID sessionId, @Nullable String submittedOn, @Nullable String method,
            @Nullable String confirmation) {
        var form = openForChange(sessionId);
        if (form.status() == FormStatus.DRAFT) {
            throw new IllegalStateException("Sign the form before recording its submission.");
        }
        if (form.status() == FormStatus.SUBMITTED) {
            throw new IllegalStateException("Revision " + form.revision() + " was already submitted. To send a "
                    + "correction, amend the form first.");
        }
        var errors = new LinkedHashMap<String, String>();
        var today = reader.today();
        var revisions = repository.revisions(form.id());
        var signedOn = reader.dateOf(revisions.get(revisions.size() - 1).signedAt());
        LocalDate on = null;
        try {
            on = FormValues.date("submittedOn", submittedOn);
            if (on == null) {
                errors.put("submittedOn", "Give the date the form was sent to the REMS.");
            } else if (on.isAfter(today)) {
                errors.put("submittedOn", "The date cannot be in the future.");
            } else if (on.isBefore(signedOn)) {
                errors.put("submittedOn", "This revision was signed on " + signedOn + "; it cannot have been sent before.");
            }
        } catch (IllegalArgumentException e) {
            errors.put("submittedOn", "Give a date as YYYY-MM-DD.");
        }
        SubmissionMethod how = null;
        try {
            how = SubmissionMethod.valueOf(method == null ? "" : method.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("method", "Choose the REMS portal or fax.");
        }
        var number = confirmation == null ? "" : confirmation.strip();
        if (number.isEmpty() || number.length() > 100) {
            errors.put("confirmation", "Give the confirmation number from the portal, or the fax transmission's job "
                    + "number (at most 100 characters).");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntries(errors);
        }
        boolean late = form.firstSubmittedOn() == null && on.isAfter(form.dueOn());
        var now = FormFiller.now(clock);
        repository.addSubmission(form.id(), new Submission(form.revision(), on, how, number, late, now, access.by()));
        repository.save(with(form, FormStatus.SUBMITTED, form.revision(),
                form.firstSubmittedOn() == null ? on : form.firstSubmittedOn(), form.revision()), now, access.by());
        access.record(FormAccess.entry("REMS_FORM_SUBMITTED", form.patientId(), sessionId, "revision "
                + form.revision() + " by " + how + " on " + on + (late ? " (late; due " + form.dueOn() + ")" : "")));
        return reader.read(reload(sessionId));
    }

    private StoredForm openForChange(UUID sessionId) {
        var form = reload(sessionId);
        access.checkCare(form.patientId());
        return form;
    }

    /** The header, locked for the rest of the transaction. */
    private StoredForm reload(UUID sessionId) {
        return repository.bySession(sessionId, true).orElseThrow(() -> new FormNotFound(sessionId));
    }


    private static void requireVersion(StoredForm form, long version) {
        if (form.version() != version) {
            throw new IllegalStateException("The form changed since you opened it (the session record or another "
                    + "clinician updated it). Review the values below and try again; what you typed is kept.");
        }
    }

    private static StoredForm with(StoredForm f, FormStatus status, int revision, @Nullable LocalDate firstSubmittedOn,
            @Nullable Integer submittedRevision) {
        return new StoredForm(f.id(), f.sessionId(), f.patientId(), f.locationId(), f.treatmentDate(), f.dueOn(),
                f.formVersion(), status, revision, firstSubmittedOn, submittedRevision, f.version());
    }

}
