// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface PatientRepository extends CrudRepository<Patient, UUID> {

    Optional<Patient> findByMrn(String mrn);

    Optional<Patient> findByAccountId(UUID accountId);

    @Query("SELECT nextval('patient_mrn_seq')")
    long nextMrnSequence();
}
