// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kapclinic.dosing.rems.FormRepository.StoredChange;
import org.kapclinic.dosing.rems.FormRepository.StoredForm;
import org.kapclinic.dosing.rems.FormRepository.StoredValue;
import org.kapclinic.dosing.rems.PatientMonitoringForm.ChangeKind;
import org.springframework.stereotype.Component;

/**
 * A clinician's entries on a draft: each changed field is checked for its type, a value that replaces an automatic one
 * needs the reason, and every change is logged (entered, changed from the session record, or returned to it). All or
 * nothing: one invalid value refuses them all ({@link InvalidEntries}).
 */
@Component
class DraftEntries {

    private final FormRepository repository;
    private final FormDefinitions definitions;
    private final FormAccess access;
    private final Clock clock;

    DraftEntries(FormRepository repository, FormDefinitions definitions, FormAccess access, Clock clock) {
        this.repository = repository;
        this.definitions = definitions;
        this.access = access;
        this.clock = clock;
    }

    /** Applies the changes to the draft's working values; returns the changed keys. The header row must be locked. */
    List<String> apply(StoredForm form, Edits edits) {
        var definition = definitions.stored(form.formVersion());
        var working = repository.values(form.id());
        var errors = new LinkedHashMap<String, String>();
        var planned = new LinkedHashMap<String, @Nullable String>();
        var reason = edits.reasonText();
        for (var e : edits.changed().entrySet()) {
            var field = definition.field(e.getKey()).orElse(null);
            if (field == null) {
                continue;
            }
            String value;
            try {
                value = FieldValues.normalise(field, e.getValue());
            } catch (IllegalArgumentException x) {
                errors.put(field.key(), x.getMessage());
                continue;
            }
            var row = working.get(field.key());
            if (Objects.equals(value, row == null ? null : row.effective())) {
                continue;
            }
            var auto = row == null ? null : row.autoValue();
            if (auto != null && !auto.equals(value) && reason.isEmpty()) {
                errors.put(field.key(), "This replaces the value from " + (field.setting() != null
                        ? "the REMS certification" : "the session record") + " (" + FieldValues.display(field, auto)
                        + "). Give the reason below.");
                errors.put("overrideReason", "Say why values from the session record are changed.");
            }
            planned.put(field.key(), value);
        }
        if (reason.length() > 1000) {
            errors.put("overrideReason", "Use at most 1000 characters.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntries(errors);
        }
        if (planned.isEmpty()) {
            return List.of();
        }
        var now = FormFiller.now(clock);
        var by = access.by();
        planned.forEach((key, value) -> {
            var row = working.get(key);
            var base = row == null ? StoredValue.empty(key) : row;
            var auto = base.autoValue();
            ChangeKind kind;
            StoredValue next;
            if (auto != null && auto.equals(value)) {
                kind = ChangeKind.RESTORED;
                next = base.restored();
            } else if (auto != null) {
                kind = ChangeKind.CHANGED;
                next = base.entered(value, by, now, reason);
            } else {
                kind = ChangeKind.ENTERED;
                next = value == null ? base.restored() : base.entered(value, by, now, null);
            }
            repository.saveValue(form.id(), next, row != null);
            repository.addChange(form.id(), new StoredChange(form.revision(), key, kind, base.effective(), value,
                    kind == ChangeKind.CHANGED ? reason : null, now, by));
        });
        repository.save(form, now, by);
        return new ArrayList<>(planned.keySet());
    }
}
