// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.dosing.rems.FormDefinition.Field;
import org.kapclinic.dosing.rems.FormRepository.StoredChange;
import org.kapclinic.dosing.rems.FormRepository.StoredForm;
import org.kapclinic.dosing.rems.FormRepository.StoredValue;
import org.kapclinic.dosing.rems.PatientMonitoringForm.ChangeKind;
import org.kapclinic.patients.PatientId;
import org.springframework.stereotype.Component;

/**
 * Creates a session's form and keeps its automatic values in step with the session record and the location's
 * certification. A clinician's entry is never replaced; a signed form's values never change here (the new automatic
 * values are kept beside them and shown as "changed since sign-off").
 */
@Component
class FormFiller {

    private final FormRepository repository;
    private final FormDefinitions definitions;
    private final RemsSettings settings;
    private final RemsFormSettings config;
    private final FormAccess access;
    private final Clock clock;

    FormFiller(FormRepository repository, FormDefinitions definitions, RemsSettings settings, RemsFormSettings config,
            FormAccess access, Clock clock) {
        this.repository = repository;
        this.definitions = definitions;
        this.settings = settings;
        this.config = config;
        this.access = access;
        this.clock = clock;
    }

    void fill(UUID sessionId, PatientId patient, UUID locationId, LocalDate treatmentDate, Map<String, String> facts) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(treatmentDate, "treatmentDate");
        var given = new HashMap<String, String>(facts == null ? Map.of() : facts);
        given.putIfAbsent("session.date", treatmentDate.toString());
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var by = access.by();
        var dueOn = treatmentDate.plusDays(config.submissionDays());
        var existing = repository.bySession(sessionId, true);
        StoredForm form;
        if (existing.isEmpty()) {
            var definition = definitions.forTreatmentOn(treatmentDate);
            form = new StoredForm(UUID.randomUUID(), sessionId, patient.value(), locationId, treatmentDate, dueOn,
                    definition.version(), FormStatus.DRAFT, 0, null, null, 0);
            repository.insert(form, now, by);
        } else {
            form = existing.get();
            if (!form.patientId().equals(patient.value())) {
                throw new IllegalArgumentException("This session's REMS form belongs to another patient.");
            }
        }
        var definition = definitions.stored(form.formVersion());
        var autos = autoValues(definition, given, settings.certificationFor(locationId));
        var refreshed = apply(form, autos, existing.isPresent(), now, by);
        if (existing.isEmpty()) {
            access.record(FormAccess.entry("REMS_FORM_CREATED", patient.value(), sessionId, "form version "
                    + definition.version() + ", due " + dueOn + ", " + autos.values().stream().filter(Objects::nonNull)
                    .count() + " values from the session record"));
            return;
        }
        boolean moved = !form.locationId().equals(locationId) || !form.treatmentDate().equals(treatmentDate);
        if (moved || !refreshed.isEmpty()) {
            var updated = new StoredForm(form.id(), form.sessionId(), form.patientId(), locationId, treatmentDate,
                    moved ? dueOn : form.dueOn(), form.formVersion(), form.status(), form.revision(),
                    form.firstSubmittedOn(), form.submittedRevision(), form.version());
            repository.update(updated, now, by); // the row is locked (FOR UPDATE above), so this cannot miss
            access.record(FormAccess.entry("REMS_FORM_REFRESHED", patient.value(), sessionId,
                    (moved ? "treatment " + treatmentDate + " at location " + locationId + ", due " + dueOn + "; " : "")
                            + "updated: " + String.join(",", refreshed)));
        }
    }

    /**
     * Brings a draft's values from the location's certification up to date (an admin may have entered or changed it
     * after the session), as the form page already shows them; returns whether anything changed.
     */
    boolean refreshSettings(StoredForm form) {
        if (form.status() != FormStatus.DRAFT) {
            return false;
        }
        var definition = definitions.stored(form.formVersion());
        var autos = autoValues(definition, Map.of(), settings.certificationFor(form.locationId()));
        return !apply(form, autos, true, now(clock), access.by()).isEmpty();
    }

    /** Stores the automatic values that changed (a clinician's entry stays); logs them unless the form is new. */
    private java.util.List<String> apply(StoredForm form, Map<String, @Nullable String> autos, boolean log, Instant now,
            String by) {
        var working = repository.values(form.id());
        var refreshed = new ArrayList<String>();
        for (var e : autos.entrySet()) {
            var row = working.get(e.getKey());
            var value = e.getValue();
            if (row == null && value != null) {
                repository.saveValue(form.id(), new StoredValue(e.getKey(), value, now, null, null, null, null), false);
            } else if (row != null && !Objects.equals(row.autoValue(), value)) {
                repository.saveValue(form.id(), new StoredValue(e.getKey(), value, now, row.manualValue(),
                        row.manualBy(), row.manualAt(), row.overrideReason()), true);
            } else {
                continue;
            }
            refreshed.add(e.getKey());
            if (log) {
                repository.addChange(form.id(), new StoredChange(form.revision(), e.getKey(), ChangeKind.REFRESHED,
                        row == null ? null : row.autoValue(), value, null, now, by));
            }
        }
        return refreshed;
    }

    /**
     * The automatic value of each field the facts and the certification speak about (null: they say it is unknown);
     * a field whose fact key is absent is left out, so what an earlier call filled stays.
     */
    static Map<String, @Nullable String> autoValues(FormDefinition definition, Map<String, String> facts,
            Optional<Certification> certification) {
        var values = new LinkedHashMap<String, @Nullable String>();
        for (var field : definition.fields().toList()) {
            if (field.setting() != null) {
                values.put(field.key(), certification.map(c -> c.value(field.setting())).map(v -> lenient(field, v))
                        .orElse(null));
            } else if (field.fact() != null && facts.containsKey(field.fact())) {
                var raw = facts.get(field.fact());
                var other = field.other();
                if (other != null && raw != null && !raw.isBlank()
                        && field.choices().stream().noneMatch(o -> o.value().equalsIgnoreCase(raw.strip()))) {
                    values.put(field.key(), other.value());
                    values.put(other.field(), lenient(definition.field(other.field()).orElseThrow(), raw));
                } else {
                    values.put(field.key(), lenient(field, raw));
                    if (other != null) {
                        values.put(other.field(), null);
                    }
                }
            }
        }
        return values;
    }

    /** The normalised value, or the raw text when it is not valid (the form then shows it as a problem to fix). */
    private static @Nullable String lenient(Field field, @Nullable String raw) {
        try {
            return FieldValues.normalise(field, raw);
        } catch (IllegalArgumentException e) {
            return raw.strip();
        }
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
