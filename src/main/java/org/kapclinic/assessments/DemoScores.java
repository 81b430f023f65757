// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * For the demo generator only (the outcomes demo's synthetic treatment courses, issue 8): stores clinician-entered
 * scores in batches, marked "demo-generator". A target total is spread over the items with the suicidality items
 * (PHQ-9 item 9, MADRS item 10, QIDS-SR16 item 12) left at 0, so no demo score raises a safety finding; the stored
 * total is the catalogue's score of those answers. Nothing here is published or audited: no real patient is touched.
 */
@Component
public class DemoScores {

    public record NewScore(UUID patient, String instrument, Instant at, int target) {}

    private static final String BY = "demo-generator";
    /** One item per QIDS-SR16 domain (its score is the domain's), without item 12: the sum is the total. */
    private static final List<String> QIDS_DOMAIN_ITEMS = List.of("1", "5", "6", "10", "11", "13", "14", "15");

    private final InstrumentCatalogue catalogue;
    private final AnswerJson answers;
    private final NamedParameterJdbcTemplate batch;

    DemoScores(InstrumentCatalogue catalogue, AnswerJson answers, NamedParameterJdbcTemplate batch) {
        this.catalogue = catalogue;
        this.answers = answers;
        this.batch = batch;
    }

    /** Stores the scores in batches of 1,000; returns how many were stored. */
    public int store(List<NewScore> scores, Random random) {
        var rows = new ArrayList<SqlParameterSource>();
        int stored = 0;
        for (var s : scores) {
            var instrument = catalogue.get(s.instrument());
            var spread = spread(instrument, s.target(), random);
            var score = catalogue.score(instrument.code(), spread);
            var at = OffsetDateTime.ofInstant(s.at(), ZoneOffset.UTC);
            rows.add(new MapSqlParameterSource().addValue("id", UUID.randomUUID()).addValue("patient", s.patient())
                    .addValue("instrument", instrument.code()).addValue("version", instrument.version())
                    .addValue("answers", answers.write(spread)).addValue("total", score.total())
                    .addValue("severity", score.severity()).addValue("flags", String.join(",", score.flags()))
                    .addValue("at", at).addValue("by", BY));
            if (rows.size() == 1000) {
                stored += flush(rows);
            }
        }
        return stored + flush(rows);
    }

    private int flush(List<SqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        batch.batchUpdate("""
                INSERT INTO assessment (id, patient_id, instrument, instrument_version, answers, total, severity, flags,
                    channel, administered_at, recorded_at, recorded_by)
                VALUES (:id, :patient, :instrument, :version, :answers, :total, :severity, :flags, 'CLINICIAN', :at, :at,
                    :by)""", rows.toArray(SqlParameterSource[]::new));
        int n = rows.size();
        rows.clear();
        return n;
    }

    private static Map<String, Integer> spread(Instrument instrument, int target, Random random) {
        var result = new LinkedHashMap<String, Integer>();
        instrument.items().forEach(i -> result.put(i.id(), 0));
        var safety = switch (instrument.code()) {
            case "phq9" -> "9";
            case "madrs" -> "10";
            default -> "12";
        };
        var ids = "qids-sr16".equals(instrument.code()) ? QIDS_DOMAIN_ITEMS
                : instrument.items().stream().map(Instrument.Item::id).filter(id -> !id.equals(safety)).toList();
        int max = instrument.items().get(0).max();
        int left = Math.max(0, Math.min(target, ids.size() * max));
        for (int guard = 0; left > 0 && guard < 2000; guard++) {
            var id = ids.get(random.nextInt(ids.size()));
            if (result.get(id) < max) {
                result.put(id, result.get(id) + 1);
                left--;
            }
        }
        return result;
    }
}
