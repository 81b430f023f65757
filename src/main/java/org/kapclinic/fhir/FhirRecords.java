// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.AdministrationRecords;
import org.kapclinic.assessments.Instrument;
import org.kapclinic.assessments.InstrumentCatalogue;
import org.kapclinic.assessments.InstrumentNotFound;
import org.kapclinic.dosing.DosingRecords;
import org.kapclinic.patients.PatientDemographics;
import org.kapclinic.patients.PatientId;
import org.kapclinic.safety.ActiveAlertRecords;
import org.kapclinic.scheduling.AppointmentRecords;
import org.kapclinic.treatmentplans.PlanRecords;
import org.springframework.stereotype.Component;

/**
 * Everything the FHIR API serves about patients, per resource type, for a set of patients: each type asks the owning
 * module's exchange query once and maps the rows. Access is the caller's business ({@link FhirAccess}); this class
 * only reads and maps. {@link Found#at} is the date a {@code date} search compares (effective, authored, period start).
 */
@Component
class FhirRecords {

    /** The types in a patient's compartment that this server serves, in the order $everything and exports list them. */
    static final List<ResourceType> COMPARTMENT = List.of(ResourceType.QuestionnaireResponse, ResourceType.Observation,
            ResourceType.Encounter, ResourceType.MedicationAdministration, ResourceType.CarePlan, ResourceType.Flag);

    record Found(Resource resource, UUID patient, @Nullable Instant at) {}

    private final PatientDemographics demographics;
    private final AdministrationRecords administrations;
    private final InstrumentCatalogue instruments;
    private final DosingRecords dosing;
    private final AppointmentRecords appointments;
    private final PlanRecords plans;
    private final ActiveAlertRecords alerts;
    private final FhirSettings settings;
    private final Clock clock;

    FhirRecords(PatientDemographics demographics, AdministrationRecords administrations, InstrumentCatalogue instruments,
            DosingRecords dosing, AppointmentRecords appointments, PlanRecords plans, ActiveAlertRecords alerts,
            FhirSettings settings, Clock clock) {
        this.demographics = demographics;
        this.administrations = administrations;
        this.instruments = instruments;
        this.dosing = dosing;
        this.appointments = appointments;
        this.plans = plans;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
    }

    List<Found> load(ResourceType type, Collection<UUID> patients, StaffIndex staff) {
        var found = new ArrayList<Found>();
        switch (type) {
            case Patient -> demographics.forPatients(patients).forEach(d -> found.add(new Found(
                    PatientFhirMapper.map(d, settings, staff), d.id().value(), null)));
            case QuestionnaireResponse -> administrations.forPatients(patients).forEach(a -> instrument(a.instrument())
                    .ifPresent(i -> found.add(new Found(QuestionnaireResponseFhirMapper.map(a, i, settings, staff),
                            a.patientId().value(), a.administeredAt()))));
            case Observation -> {
                administrations.forPatients(patients).forEach(a -> instrument(a.instrument()).ifPresent(i ->
                        MeasureObservationFhirMapper.map(a, i, settings).forEach(o ->
                                found.add(new Found(o, a.patientId().value(), a.administeredAt())))));
                dosing.checksFor(patients).forEach(c -> VitalSignsFhirMapper.map(c).forEach(o ->
                        found.add(new Found(o, c.patientId().value(), c.takenAt()))));
            }
            case Encounter -> {
                dosing.sessionsFor(patients).forEach(s -> found.add(new Found(EncounterFhirMapper.dosing(s),
                        s.patientId().value(), s.openedAt())));
                var now = clock.instant();
                appointments.sessionsFor(patients).forEach(a -> found.add(new Found(
                        EncounterFhirMapper.appointment(a, now, staff), a.patientId().value(), a.startsAt())));
            }
            case MedicationAdministration -> dosing.sessionsFor(patients).stream()
                    .filter(MedicationAdministrationFhirMapper::hasDose)
                    .forEach(s -> found.add(new Found(MedicationAdministrationFhirMapper.map(s, staff),
                            s.patientId().value(), s.doseStartedAt())));
            case CarePlan -> {
                var now = clock.instant();
                plans.plansFor(patients).forEach(p -> found.add(new Found(CarePlanFhirMapper.map(p, now),
                        p.patientId().value(), p.startDate().atStartOfDay(clock.getZone()).toInstant())));
            }
            case Flag -> alerts.activeFor(patients).forEach(a -> found.add(new Found(FlagFhirMapper.map(a, settings),
                    a.patientId().value(), a.raisedAt())));
            default -> throw new IllegalArgumentException("Not a patient compartment type here: " + type);
        }
        return found;
    }

    /**
     * Whose resource this id names, from the stable id schemes: the record's UUID, or the UUID of the administration
     * or check an Observation comes from ({@code {uuid}-total}, {@code {uuid}-item-9}, {@code {uuid}-bp} ...).
     */
    Optional<PatientId> ownerOf(ResourceType type, String id) {
        var uuid = FhirIds.leadingUuid(id);
        if (uuid == null) {
            return Optional.empty();
        }
        return switch (type) {
            case Patient -> demographics.forPatients(List.of(uuid)).stream().findFirst().map(d -> d.id());
            case QuestionnaireResponse -> administrations.patientOf(uuid);
            case Observation -> administrations.patientOf(uuid).or(() -> dosing.patientOfCheck(uuid));
            case Encounter -> dosing.patientOfSession(uuid).or(() -> appointments.patientOf(uuid));
            case MedicationAdministration -> dosing.patientOfSession(uuid);
            case CarePlan -> plans.patientOf(uuid);
            case Flag -> alerts.patientOf(uuid);
            default -> Optional.empty();
        };
    }

    /** The instrument a stored administration names; one retired from the catalogue cannot be mapped and is skipped. */
    Optional<Instrument> instrument(String code) {
        try {
            return Optional.of(instruments.get(code));
        } catch (InstrumentNotFound e) {
            return Optional.empty();
        }
    }

    List<Instrument> instruments() {
        return instruments.all();
    }
}
