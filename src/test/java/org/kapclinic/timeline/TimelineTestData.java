// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.kapclinic.patients.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** History written straight to the tables, at exact instants, for the timeline's window and paging tests. */
final class TimelineTestData {

    private TimelineTestData() {}

    static void measure(JdbcClient jdbc, PatientId patient, Instant at, int total) {
        var when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO assessment (id, patient_id, instrument, instrument_version, answers, total, severity, flags,
                    channel, administered_at, recorded_at, recorded_by)
                VALUES (:id, :p, 'phq9', '1', '{}', :total, NULL, '', 'CLINICIAN', :at, :at, 'timeline-test')""")
                .param("id", UUID.randomUUID()).param("p", patient.value()).param("total", total).param("at", when)
                .update();
    }
}
