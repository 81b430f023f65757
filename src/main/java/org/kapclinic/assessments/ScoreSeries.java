// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scored totals of some instruments for the whole clinic, grouped by patient and instrument, oldest first: what the
 * outcomes dashboard (issue 8) computes response and remission from. One query on (instrument, administered at),
 * without answers or flags; unscored (incomplete) administrations are left out. The caller audits the view.
 */
@Component
public class ScoreSeries {

    public record Score(Instant at, int total) {}

    /** A patient's series per instrument code. */
    public record PatientScores(UUID patient, Map<String, List<Score>> byInstrument) {

        public List<Score> of(String instrument) {
            return byInstrument.getOrDefault(instrument, List.of());
        }
    }

    private final JdbcClient jdbc;

    ScoreSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Totals of the instruments administered at or after {@code since} (null: all), by patient. */
    public Map<UUID, PatientScores> since(Collection<String> instruments, @Nullable Instant since) {
        var grouped = new HashMap<UUID, Map<String, List<Score>>>();
        if (instruments.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("""
                SELECT patient_id, instrument, administered_at, total FROM assessment
                WHERE instrument IN (:instruments) AND total IS NOT NULL
                AND administered_at >= :since""")
                .param("instruments", List.copyOf(instruments))
                .param("since", OffsetDateTime.ofInstant(since == null ? Instant.EPOCH : since, ZoneOffset.UTC))
                .query(rs -> {
                    grouped.computeIfAbsent(rs.getObject(1, UUID.class), p -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), i -> new ArrayList<>())
                            .add(new Score(rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4)));
                });
        var result = new HashMap<UUID, PatientScores>(grouped.size() * 2);
        grouped.forEach((patient, series) -> {
            series.values().forEach(ScoreSeries::oldestFirst);
            result.put(patient, new PatientScores(patient, series));
        });
        return result;
    }

    /** Rows come mostly in time order (the index is by instrument, then time): sort only a list that is not. */
    private static void oldestFirst(List<Score> list) {
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).at().isBefore(list.get(i - 1).at())) {
                list.sort(BY_TIME);
                return;
            }
        }
    }

    private static final Comparator<Score> BY_TIME = (a, b) -> a.at().compareTo(b.at());
}
