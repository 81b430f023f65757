// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.kapclinic.patients.PatientId;
import org.kapclinic.timeline.TimelineEntry;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineSource;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evaluations started, signed eligibility decisions and their amendments, and consents signed: one query, each part
 * bounded by the window and the page on its (patient, time) index.
 */
@Component
class EligibilityTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    EligibilityTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<TimelineKind> kinds() {
        return Set.of(TimelineKind.EVALUATION);
    }

    @Override
    public List<TimelineEntry> entries(PatientId patient, TimelineWindow window) {
        var href = "/patients/" + patient.value() + "/evaluation";
        var consents = "/patients/" + patient.value() + "/consents";
        return jdbc.sql("""
                SELECT * FROM (SELECT 'EVALUATION' AS ev, started_at AS at, modality AS a, started_by AS b,
                        CAST(NULL AS VARCHAR(1000)) AS c, CAST(NULL AS VARCHAR(30)) AS d
                    FROM evaluation WHERE patient_id = :patient AND started_at >= :from AND started_at < :to
                    ORDER BY started_at DESC LIMIT :limit) e
                UNION ALL
                SELECT * FROM (SELECT 'DECISION' AS ev, signed_at AS at, modality AS a, signed_by AS b,
                        amendment_reason AS c, outcome AS d
                    FROM eligibility_decision WHERE patient_id = :patient AND signed_at >= :from AND signed_at < :to
                    ORDER BY signed_at DESC LIMIT :limit) d
                UNION ALL
                SELECT * FROM (SELECT 'CONSENT' AS ev, s.signed_at AS at, s.kind AS a, s.recorded_by AS b,
                        doc.title AS c, s.channel AS d
                    FROM consent_signature s JOIN consent_document doc ON doc.id = s.document_id
                    WHERE s.patient_id = :patient AND s.signed_at >= :from AND s.signed_at < :to
                    ORDER BY s.signed_at DESC LIMIT :limit) s""")
                .param("patient", patient.value())
                .param("from", OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC))
                .param("limit", window.limit())
                .query((rs, n) -> {
                    var at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    return switch (rs.getString("ev")) {
                        case "EVALUATION" -> new TimelineEntry(at, TimelineKind.EVALUATION,
                                "Evaluation started (" + modality(rs.getString("a")) + ")", "By " + rs.getString("b"),
                                href, false);
                        case "DECISION" -> {
                            var outcome = Decision.Outcome.valueOf(rs.getString("d"));
                            var amendment = rs.getString("c");
                            yield new TimelineEntry(at, TimelineKind.EVALUATION,
                                    (amendment == null ? "Eligibility decided: " : "Eligibility amended: ")
                                            + outcome.label() + " (" + modality(rs.getString("a")) + ")",
                                    "Signed by " + rs.getString("b") + (amendment == null ? "" : ". Reason: " + amendment),
                                    href, false);
                        }
                        default -> new TimelineEntry(at, TimelineKind.EVALUATION,
                                "Consent signed: " + rs.getString("c"),
                                "Recorded by " + rs.getString("b") + " (" + rs.getString("d").toLowerCase() + ")",
                                consents, false);
                    };
                })
                .list();
    }

    private static String modality(String code) {
        try {
            return Modality.valueOf(code).label();
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }
}
