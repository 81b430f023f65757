// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AssessmentRepository {

    private static final String COLUMNS = """
            id, patient_id, instrument, instrument_version, answers, total, severity, flags, channel, administered_at,
            recorded_at, recorded_by""";

    private final JdbcClient jdbc;
    private final AnswerJson answers;

    AssessmentRepository(JdbcClient jdbc, AnswerJson answers) {
        this.jdbc = jdbc;
        this.answers = answers;
    }

    void insert(AssessmentView a, @Nullable RequestId request) {
        jdbc.sql("INSERT INTO assessment (" + COLUMNS + ", request_id) VALUES (:id, :patient, :instrument, :version,"
                        + " :answers, :total, :severity, :flags, :channel, :administered, :recorded, :by, :request)")
                .param("id", a.id().value()).param("patient", a.patientId().value())
                .param("instrument", a.instrument()).param("version", a.instrumentVersion())
                .param("answers", answers.write(a.answers())).param("total", a.total()).param("severity", a.severity())
                .param("flags", String.join(",", a.flags())).param("channel", a.channel().name())
                .param("administered", utc(a.administeredAt())).param("recorded", utc(a.recordedAt()))
                .param("by", a.recordedBy()).param("request", request == null ? null : request.value())
                .update();
    }

    Optional<AssessmentView> find(AssessmentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assessment WHERE id = :id").param("id", id.value())
                .query(this::map).optional();
    }

    /** Oldest first, so the first row is the baseline. */
    List<AssessmentView> forPatient(PatientId patient, @Nullable String instrument) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assessment WHERE patient_id = :p"
                        + (instrument == null ? "" : " AND instrument = :i") + " ORDER BY administered_at, recorded_at")
                .param("p", patient.value()).param("i", instrument)
                .query(this::map).list();
    }

    private AssessmentView map(ResultSet rs, int n) throws SQLException {
        var flags = rs.getString("flags");
        return new AssessmentView(new AssessmentId(rs.getObject("id", UUID.class)),
                new PatientId(rs.getObject("patient_id", UUID.class)), rs.getString("instrument"),
                rs.getString("instrument_version"), answers.read(rs.getString("answers")),
                (Integer) rs.getObject("total", Integer.class), rs.getString("severity"),
                flags.isEmpty() ? List.of() : Arrays.asList(flags.split(",")), Channel.valueOf(rs.getString("channel")),
                rs.getObject("administered_at", OffsetDateTime.class).toInstant(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
