// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo clinic's note history, as the demo profile loads it (20 patients, the same database as the dosing demo's
 * test): an integration note after every past session, linked to it; a preparation note before each patient's first
 * dose; psychotherapy notes by the supervised therapist; Pat Portalson's pending amendment request.
 */
@ClinicIntegrationTest
@ActiveProfiles("demo")
@TestPropertySource(properties = "kap.demo.patients=20")
class NoteDemoDataTests {

    @Autowired
    JdbcClient jdbc;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void everyPastDosingSessionHasItsIntegrationNoteAndThePortalPatientAPendingRequest() {
        long past = count("SELECT COUNT(*) FROM dosing_session WHERE status = 'DISCHARGED'");
        assertThat(past).isPositive();
        // an integration note for each past session (the latest may still be the therapist's draft)
        assertThat(count("""
                SELECT COUNT(*) FROM dosing_session s WHERE s.status = 'DISCHARGED' AND NOT EXISTS (
                    SELECT 1 FROM therapy_note n WHERE n.dosing_session_id = s.id AND n.note_type = 'INTEGRATION')"""))
                .isLessThanOrEqualTo(1);
        assertThat(count("""
                SELECT COUNT(*) FROM therapy_note n WHERE n.note_type = 'PREPARATION' AND n.status = 'SIGNED'
                    AND n.created_by = 'demo-generator'""")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM therapy_note WHERE note_type = 'PSYCHOTHERAPY'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM staff_profile WHERE supervisor_id IS NOT NULL")).isEqualTo(1);
        assertThat(count("""
                SELECT COUNT(*) FROM note_amendment_request r JOIN patient p ON p.id = r.patient_id
                WHERE r.status = 'PENDING' AND p.legal_family_name = 'Portalson'""")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM therapy_note WHERE status = 'SIGNED' AND signed_at IS NULL")).isZero();
    }
}
