// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.dosing.rems.FormDefinition.Field;
import org.kapclinic.dosing.rems.FormRepository.StoredForm;
import org.kapclinic.dosing.rems.FormRepository.StoredValue;
import org.kapclinic.dosing.rems.PatientMonitoringForm.Change;
import org.kapclinic.dosing.rems.PatientMonitoringForm.FieldView;
import org.kapclinic.dosing.rems.PatientMonitoringForm.SectionView;
import org.kapclinic.dosing.rems.PatientMonitoringForm.SessionChange;
import org.kapclinic.dosing.rems.PatientMonitoringForm.Source;
import org.kapclinic.patients.PatientId;
import org.springframework.stereotype.Component;

/** Builds the view of a stored form in a known number of queries (header, values, revisions, submissions, changes). */
@Component
class FormReader {

    private final FormRepository repository;
    private final FormDefinitions definitions;
    private final RemsSettings settings;
    private final ClinicCalendar calendar;
    private final Clock clock;

    FormReader(FormRepository repository, FormDefinitions definitions, RemsSettings settings, ClinicCalendar calendar,
            Clock clock) {
        this.repository = repository;
        this.definitions = definitions;
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(calendar.zone()));
    }

    /** The clinic's date at an instant. */
    LocalDate dateOf(java.time.Instant at) {
        return LocalDate.ofInstant(at, calendar.zone());
    }

    /** What the working values add up to: the clinician's entry where there is one, else the automatic value. */
    static Map<String, String> effective(Map<String, StoredValue> working) {
        var values = new LinkedHashMap<String, String>();
        working.values().forEach(v -> {
            if (v.effective() != null) {
                values.put(v.field(), v.effective());
            }
        });
        return values;
    }

    PatientMonitoringForm read(StoredForm form) {
        var definition = definitions.stored(form.formVersion());
        Map<String, StoredValue> working = repository.values(form.id());
        var revisions = repository.revisions(form.id());
        var submissions = repository.submissions(form.id());
        var latest = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
        var certification = settings.certificationFor(form.locationId());
        if (latest == null) {
            working = withCurrentSettings(definition, certification, working);
        }
        Map<String, String> values = latest == null ? effective(working) : latest.values();
        var sections = new ArrayList<SectionView>();
        for (var section : definition.sections()) {
            var fields = new ArrayList<FieldView>();
            for (var field : section.fields()) {
                fields.add(fieldView(field, values.get(field.key()), working.get(field.key()), values));
            }
            sections.add(new SectionView(section.key(), section.title(), section.help(), fields));
        }
        var changes = repository.changes(form.id()).stream()
                .map(c -> new Change(c.revision(), c.field(), definition.field(c.field()).map(Field::label)
                        .orElse(c.field()), c.kind(), c.oldValue(), c.newValue(), c.reason(), c.changedAt(),
                        c.changedBy()))
                .toList();
        var sessionChanges = new ArrayList<SessionChange>();
        if (latest != null) {
            for (var field : definition.fields().toList()) {
                var row = working.get(field.key());
                var signed = latest.values().get(field.key());
                if (row != null && !row.entered() && row.autoChangedAt() != null
                        && row.autoChangedAt().isAfter(latest.signedAt()) && !Objects.equals(row.autoValue(), signed)) {
                    sessionChanges.add(new SessionChange(field.key(), field.label(), FieldValues.display(field, signed),
                            FieldValues.display(field, row.autoValue())));
                }
            }
        }
        return new PatientMonitoringForm(form.id(), form.sessionId(), new PatientId(form.patientId()),
                form.locationId(), form.treatmentDate(), form.dueOn(), form.status(), form.revision(), definition,
                sections, FormCheck.of(definition, values), form.firstSubmittedOn(), form.submittedRevision(),
                revisions, submissions, changes, sessionChanges,
                certification.isPresent(), form.version(), today());
    }

    /**
     * A draft shows the location's certification as it is now (an admin may have entered it after the session); the
     * next save or sign-off stores it ({@link FormFiller#refreshSettings}).
     */
    private static Map<String, StoredValue> withCurrentSettings(FormDefinition definition,
            java.util.Optional<Certification> certification, Map<String, StoredValue> working) {
        var current = FormFiller.autoValues(definition, Map.of(), certification);
        var merged = new LinkedHashMap<>(working);
        current.forEach((key, value) -> {
            var row = working.get(key);
            if (row == null) {
                if (value != null) {
                    merged.put(key, new StoredValue(key, value, null, null, null, null, null));
                }
            } else if (!Objects.equals(row.autoValue(), value)) {
                merged.put(key, new StoredValue(key, value, row.autoChangedAt(), row.manualValue(), row.manualBy(),
                        row.manualAt(), row.overrideReason()));
            }
        });
        return merged;
    }

    private static FieldView fieldView(Field field, @Nullable String value, @Nullable StoredValue row,
            Map<String, String> values) {
        boolean required = FormCheck.required(field, values);
        if (row == null || !Objects.equals(row.effective(), value)) {
            // a signed value that the working values no longer hold (the session record changed it since)
            var source = value == null ? Source.NONE : field.setting() != null ? Source.SETTING : Source.SESSION;
            return new FieldView(field, value, source, null, null, null, null, required);
        }
        if (row.entered()) {
            var source = row.autoValue() != null ? Source.CHANGED : Source.ENTERED;
            return new FieldView(field, value, value == null && row.autoValue() == null ? Source.NONE : source,
                    row.autoValue(), row.manualBy(), row.manualAt(), row.overrideReason(), required);
        }
        var source = value == null ? Source.NONE : field.setting() != null ? Source.SETTING : Source.SESSION;
        return new FieldView(field, value, source, null, null, null, null, required);
    }
}
