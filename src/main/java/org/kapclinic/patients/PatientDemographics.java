// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patient records as data for exchange (the FHIR API and the bulk export): demographics, MRN and care team of given
 * records, and the record identifiers in a stable order for paging through the whole clinic. Nothing here checks the
 * caller's access or audits, like {@link PatientDirectory}: the caller opens each record through
 * {@link Patients#forCare} (or is an admin's whole-clinic export) and audits what it hands out.
 */
@Service
@Transactional(readOnly = true)
public class PatientDemographics {

    /** One record as exchanged; {@code accountId} is the linked portal account, if any. */
    public record Demographics(PatientId id, String mrn, PatientDetails details, @Nullable UUID therapistId,
            @Nullable UUID prescriberId, boolean voided, Instant updatedAt) {}

    private final PatientRepository patients;
    private final JdbcClient jdbc;

    PatientDemographics(PatientRepository patients, JdbcClient jdbc) {
        this.patients = patients;
        this.jdbc = jdbc;
    }

    /** The records with these identifiers (unknown ones are skipped), ordered by identifier. */
    public List<Demographics> forPatients(Collection<UUID> ids) {
        var found = new ArrayList<Demographics>();
        if (ids.isEmpty()) {
            return found;
        }
        patients.findAllById(ids).forEach(p -> found.add(new Demographics(p.id(), p.mrn().value(), p.details(),
                p.therapistId(), p.prescriberId(), p.isVoided(), p.updatedAt())));
        found.sort(Comparator.comparing(d -> d.id().value()));
        return found;
    }

    /** Up to {@code limit} record identifiers after {@code after} (null for the first page), voided ones included. */
    public List<UUID> idsAfter(@Nullable UUID after, int limit) {
        if (after == null) {
            return jdbc.sql("SELECT id FROM patient ORDER BY id LIMIT :limit").param("limit", limit)
                    .query(UUID.class).list();
        }
        return jdbc.sql("SELECT id FROM patient WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", after).param("limit", limit).query(UUID.class).list();
    }
}
