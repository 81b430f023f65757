// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.kapclinic.assessments.DoseHistory;
import org.kapclinic.patients.PatientId;
import org.springframework.stereotype.Component;

/** The dose start times the measures pages mark and count from (the assessments module asks through its SPI). */
@Component
class DosingDoseHistory implements DoseHistory {

    private final DosingRepository repository;

    DosingDoseHistory(DosingRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Instant> doses(PatientId patient) {
        return repository.forPatient(patient).stream().filter(s -> s.status().dosed()).map(DosingSession::doseStartedAt)
                .filter(Objects::nonNull).sorted(Comparator.naturalOrder()).toList();
    }
}
